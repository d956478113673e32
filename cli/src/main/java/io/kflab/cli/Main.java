package io.kflab.cli;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.diag.MissingCapabilityException;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kflab} command line: one picocli command tree, one-line errors, kflab's exit codes. */
@Command(
        name = "kflab",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A research framework for the Linux BPF extension machinery.",
        subcommands = {
            DemoCommand.class,
            BtfCommand.class,
            KernelCommand.class,
            RunCommand.class,
            BenchCommand.class,
            CorpusCommand.class,
            CatalogCommand.class,
            PapersCommand.class,
            VerifyCommand.class,
            SelftestsCommand.class,
            DiffCommand.class,
            VeristatCommand.class,
            SimCommand.class,
            StructOpsCommand.class,
            DesignsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    /** Exit code for bad user input (files, programs, arguments). */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for a missing capability (not Linux, not root, no bpf(2)). */
    public static final int EXIT_NO_CAPABILITY = 3;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI with the given streams and returns the exit code (never calls System.exit). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main());
        PrintWriter errWriter = new PrintWriter(err, true);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(errWriter);
        cl.setParameterExceptionHandler((ex, a) -> {
            String cmd = ex.getCommandLine().getCommandSpec().qualifiedName();
            errWriter.println(cmd + ": " + oneLine(ex.getMessage()) + " (see '" + cmd + " --help')");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof BadInputException bad) {
                errWriter.println("kflab: " + oneLine(bad.oneLine()));
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof MissingCapabilityException missing) {
                errWriter.println("kflab: " + oneLine(missing.getMessage()));
                return EXIT_NO_CAPABILITY;
            }
            if (ex instanceof java.io.UncheckedIOException io) {
                errWriter.println("kflab: " + oneLine(io.getMessage()));
                return 1;
            }
            if (ex instanceof io.kflab.bpf.sys.BpfException bpf) {
                errWriter.println("kflab: " + oneLine(bpf.getMessage()));
                return 1;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').strip();
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"kflab " + (v == null ? "dev" : v)};
        }
    }
}
