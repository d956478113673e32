package io.kflab.bpf.sys;

import java.util.HashMap;
import java.util.Map;

/**
 * A Linux error number (kernel: include/uapi/asm-generic/errno-base.h, errno.h, and the
 * kernel-internal codes of include/linux/errno.h that can reach user space). Numbers without a
 * name are kept as values too.
 */
public final class Errno {
    private static final Map<Integer, Errno> BY_NUMBER = new HashMap<>();

    public static final Errno EPERM = def(1, "EPERM", "Operation not permitted");
    public static final Errno ENOENT = def(2, "ENOENT", "No such file or directory");
    public static final Errno ESRCH = def(3, "ESRCH", "No such process");
    public static final Errno EINTR = def(4, "EINTR", "Interrupted system call");
    public static final Errno EIO = def(5, "EIO", "Input/output error");
    public static final Errno ENXIO = def(6, "ENXIO", "No such device or address");
    public static final Errno E2BIG = def(7, "E2BIG", "Argument list too long");
    public static final Errno ENOEXEC = def(8, "ENOEXEC", "Exec format error");
    public static final Errno EBADF = def(9, "EBADF", "Bad file descriptor");
    public static final Errno ECHILD = def(10, "ECHILD", "No child processes");
    public static final Errno EAGAIN = def(11, "EAGAIN", "Resource temporarily unavailable");
    public static final Errno ENOMEM = def(12, "ENOMEM", "Cannot allocate memory");
    public static final Errno EACCES = def(13, "EACCES", "Permission denied");
    public static final Errno EFAULT = def(14, "EFAULT", "Bad address");
    public static final Errno ENOTBLK = def(15, "ENOTBLK", "Block device required");
    public static final Errno EBUSY = def(16, "EBUSY", "Device or resource busy");
    public static final Errno EEXIST = def(17, "EEXIST", "File exists");
    public static final Errno EXDEV = def(18, "EXDEV", "Invalid cross-device link");
    public static final Errno ENODEV = def(19, "ENODEV", "No such device");
    public static final Errno ENOTDIR = def(20, "ENOTDIR", "Not a directory");
    public static final Errno EISDIR = def(21, "EISDIR", "Is a directory");
    public static final Errno EINVAL = def(22, "EINVAL", "Invalid argument");
    public static final Errno ENFILE = def(23, "ENFILE", "Too many open files in system");
    public static final Errno EMFILE = def(24, "EMFILE", "Too many open files");
    public static final Errno ENOTTY = def(25, "ENOTTY", "Inappropriate ioctl for device");
    public static final Errno ETXTBSY = def(26, "ETXTBSY", "Text file busy");
    public static final Errno EFBIG = def(27, "EFBIG", "File too large");
    public static final Errno ENOSPC = def(28, "ENOSPC", "No space left on device");
    public static final Errno ESPIPE = def(29, "ESPIPE", "Illegal seek");
    public static final Errno EROFS = def(30, "EROFS", "Read-only file system");
    public static final Errno EMLINK = def(31, "EMLINK", "Too many links");
    public static final Errno EPIPE = def(32, "EPIPE", "Broken pipe");
    public static final Errno EDOM = def(33, "EDOM", "Numerical argument out of domain");
    public static final Errno ERANGE = def(34, "ERANGE", "Numerical result out of range");
    public static final Errno EDEADLK = def(35, "EDEADLK", "Resource deadlock avoided");
    public static final Errno ENAMETOOLONG = def(36, "ENAMETOOLONG", "File name too long");
    public static final Errno ENOLCK = def(37, "ENOLCK", "No locks available");
    public static final Errno ENOSYS = def(38, "ENOSYS", "Function not implemented");
    public static final Errno ENOTEMPTY = def(39, "ENOTEMPTY", "Directory not empty");
    public static final Errno ELOOP = def(40, "ELOOP", "Too many levels of symbolic links");
    public static final Errno ENOMSG = def(42, "ENOMSG", "No message of desired type");
    public static final Errno EIDRM = def(43, "EIDRM", "Identifier removed");
    public static final Errno ECHRNG = def(44, "ECHRNG", "Channel number out of range");
    public static final Errno EL2NSYNC = def(45, "EL2NSYNC", "Level 2 not synchronized");
    public static final Errno EL3HLT = def(46, "EL3HLT", "Level 3 halted");
    public static final Errno EL3RST = def(47, "EL3RST", "Level 3 reset");
    public static final Errno ELNRNG = def(48, "ELNRNG", "Link number out of range");
    public static final Errno EUNATCH = def(49, "EUNATCH", "Protocol driver not attached");
    public static final Errno ENOCSI = def(50, "ENOCSI", "No CSI structure available");
    public static final Errno EL2HLT = def(51, "EL2HLT", "Level 2 halted");
    public static final Errno EBADE = def(52, "EBADE", "Invalid exchange");
    public static final Errno EBADR = def(53, "EBADR", "Invalid request descriptor");
    public static final Errno EXFULL = def(54, "EXFULL", "Exchange full");
    public static final Errno ENOANO = def(55, "ENOANO", "No anode");
    public static final Errno EBADRQC = def(56, "EBADRQC", "Invalid request code");
    public static final Errno EBADSLT = def(57, "EBADSLT", "Invalid slot");
    public static final Errno EBFONT = def(59, "EBFONT", "Bad font file format");
    public static final Errno ENOSTR = def(60, "ENOSTR", "Device not a stream");
    public static final Errno ENODATA = def(61, "ENODATA", "No data available");
    public static final Errno ETIME = def(62, "ETIME", "Timer expired");
    public static final Errno ENOSR = def(63, "ENOSR", "Out of streams resources");
    public static final Errno ENONET = def(64, "ENONET", "Machine is not on the network");
    public static final Errno ENOPKG = def(65, "ENOPKG", "Package not installed");
    public static final Errno EREMOTE = def(66, "EREMOTE", "Object is remote");
    public static final Errno ENOLINK = def(67, "ENOLINK", "Link has been severed");
    public static final Errno EADV = def(68, "EADV", "Advertise error");
    public static final Errno ESRMNT = def(69, "ESRMNT", "Srmount error");
    public static final Errno ECOMM = def(70, "ECOMM", "Communication error on send");
    public static final Errno EPROTO = def(71, "EPROTO", "Protocol error");
    public static final Errno EMULTIHOP = def(72, "EMULTIHOP", "Multihop attempted");
    public static final Errno EDOTDOT = def(73, "EDOTDOT", "RFS specific error");
    public static final Errno EBADMSG = def(74, "EBADMSG", "Bad message");
    public static final Errno EOVERFLOW = def(75, "EOVERFLOW", "Value too large for defined data type");
    public static final Errno ENOTUNIQ = def(76, "ENOTUNIQ", "Name not unique on network");
    public static final Errno EBADFD = def(77, "EBADFD", "File descriptor in bad state");
    public static final Errno EREMCHG = def(78, "EREMCHG", "Remote address changed");
    public static final Errno ELIBACC = def(79, "ELIBACC", "Can not access a needed shared library");
    public static final Errno ELIBBAD = def(80, "ELIBBAD", "Accessing a corrupted shared library");
    public static final Errno ELIBSCN = def(81, "ELIBSCN", ".lib section in a.out corrupted");
    public static final Errno ELIBMAX = def(82, "ELIBMAX", "Attempting to link in too many shared libraries");
    public static final Errno ELIBEXEC = def(83, "ELIBEXEC", "Cannot exec a shared library directly");
    public static final Errno EILSEQ = def(84, "EILSEQ", "Invalid or incomplete multibyte or wide character");
    public static final Errno ERESTART = def(85, "ERESTART", "Interrupted system call should be restarted");
    public static final Errno ESTRPIPE = def(86, "ESTRPIPE", "Streams pipe error");
    public static final Errno EUSERS = def(87, "EUSERS", "Too many users");
    public static final Errno ENOTSOCK = def(88, "ENOTSOCK", "Socket operation on non-socket");
    public static final Errno EDESTADDRREQ = def(89, "EDESTADDRREQ", "Destination address required");
    public static final Errno EMSGSIZE = def(90, "EMSGSIZE", "Message too long");
    public static final Errno EPROTOTYPE = def(91, "EPROTOTYPE", "Protocol wrong type for socket");
    public static final Errno ENOPROTOOPT = def(92, "ENOPROTOOPT", "Protocol not available");
    public static final Errno EPROTONOSUPPORT = def(93, "EPROTONOSUPPORT", "Protocol not supported");
    public static final Errno ESOCKTNOSUPPORT = def(94, "ESOCKTNOSUPPORT", "Socket type not supported");
    public static final Errno EOPNOTSUPP = def(95, "EOPNOTSUPP", "Operation not supported");
    public static final Errno EPFNOSUPPORT = def(96, "EPFNOSUPPORT", "Protocol family not supported");
    public static final Errno EAFNOSUPPORT = def(97, "EAFNOSUPPORT", "Address family not supported by protocol");
    public static final Errno EADDRINUSE = def(98, "EADDRINUSE", "Address already in use");
    public static final Errno EADDRNOTAVAIL = def(99, "EADDRNOTAVAIL", "Cannot assign requested address");
    public static final Errno ENETDOWN = def(100, "ENETDOWN", "Network is down");
    public static final Errno ENETUNREACH = def(101, "ENETUNREACH", "Network is unreachable");
    public static final Errno ENETRESET = def(102, "ENETRESET", "Network dropped connection on reset");
    public static final Errno ECONNABORTED = def(103, "ECONNABORTED", "Software caused connection abort");
    public static final Errno ECONNRESET = def(104, "ECONNRESET", "Connection reset by peer");
    public static final Errno ENOBUFS = def(105, "ENOBUFS", "No buffer space available");
    public static final Errno EISCONN = def(106, "EISCONN", "Transport endpoint is already connected");
    public static final Errno ENOTCONN = def(107, "ENOTCONN", "Transport endpoint is not connected");
    public static final Errno ESHUTDOWN = def(108, "ESHUTDOWN", "Cannot send after transport endpoint shutdown");
    public static final Errno ETOOMANYREFS = def(109, "ETOOMANYREFS", "Too many references: cannot splice");
    public static final Errno ETIMEDOUT = def(110, "ETIMEDOUT", "Connection timed out");
    public static final Errno ECONNREFUSED = def(111, "ECONNREFUSED", "Connection refused");
    public static final Errno EHOSTDOWN = def(112, "EHOSTDOWN", "Host is down");
    public static final Errno EHOSTUNREACH = def(113, "EHOSTUNREACH", "No route to host");
    public static final Errno EALREADY = def(114, "EALREADY", "Operation already in progress");
    public static final Errno EINPROGRESS = def(115, "EINPROGRESS", "Operation now in progress");
    public static final Errno ESTALE = def(116, "ESTALE", "Stale file handle");
    public static final Errno EUCLEAN = def(117, "EUCLEAN", "Structure needs cleaning");
    public static final Errno ENOTNAM = def(118, "ENOTNAM", "Not a XENIX named type file");
    public static final Errno ENAVAIL = def(119, "ENAVAIL", "No XENIX semaphores available");
    public static final Errno EISNAM = def(120, "EISNAM", "Is a named type file");
    public static final Errno EREMOTEIO = def(121, "EREMOTEIO", "Remote I/O error");
    public static final Errno EDQUOT = def(122, "EDQUOT", "Disk quota exceeded");
    public static final Errno ENOMEDIUM = def(123, "ENOMEDIUM", "No medium found");
    public static final Errno EMEDIUMTYPE = def(124, "EMEDIUMTYPE", "Wrong medium type");
    public static final Errno ECANCELED = def(125, "ECANCELED", "Operation canceled");
    public static final Errno ENOKEY = def(126, "ENOKEY", "Required key not available");
    public static final Errno EKEYEXPIRED = def(127, "EKEYEXPIRED", "Key has expired");
    public static final Errno EKEYREVOKED = def(128, "EKEYREVOKED", "Key has been revoked");
    public static final Errno EKEYREJECTED = def(129, "EKEYREJECTED", "Key was rejected by service");
    public static final Errno EOWNERDEAD = def(130, "EOWNERDEAD", "Owner died");
    public static final Errno ENOTRECOVERABLE = def(131, "ENOTRECOVERABLE", "State not recoverable");
    public static final Errno ERFKILL = def(132, "ERFKILL", "Operation not possible due to RF-kill");
    public static final Errno EHWPOISON = def(133, "EHWPOISON", "Memory page has hardware error");
    public static final Errno ERESTARTSYS = def(512, "ERESTARTSYS", "Kernel-internal: restart the system call");
    public static final Errno ERESTARTNOINTR = def(513, "ERESTARTNOINTR", "Kernel-internal: restart the system call, not interruptible");
    public static final Errno ERESTARTNOHAND = def(514, "ERESTARTNOHAND", "Kernel-internal: restart unless a signal handler runs");
    public static final Errno ENOIOCTLCMD = def(515, "ENOIOCTLCMD", "Kernel-internal: ioctl command not handled");
    public static final Errno ERESTART_RESTARTBLOCK = def(516, "ERESTART_RESTARTBLOCK", "Kernel-internal: restart through restart_syscall");
    public static final Errno EPROBE_DEFER = def(517, "EPROBE_DEFER", "Kernel-internal: device probe deferred");
    public static final Errno EOPENSTALE = def(518, "EOPENSTALE", "Kernel-internal: stale dentry on open");
    public static final Errno ENOPARAM = def(519, "ENOPARAM", "Kernel-internal: unsupported parameter");
    public static final Errno EBADHANDLE = def(521, "EBADHANDLE", "Kernel-internal (NFS): bad file handle");
    public static final Errno ENOTSYNC = def(522, "ENOTSYNC", "Kernel-internal (NFS): not in sync");
    public static final Errno EBADCOOKIE = def(523, "EBADCOOKIE", "Kernel-internal (NFS): bad cookie");
    public static final Errno ENOTSUPP = def(524, "ENOTSUPP", "Kernel-internal: operation not supported");
    public static final Errno ETOOSMALL = def(525, "ETOOSMALL", "Kernel-internal: buffer too small");
    public static final Errno ESERVERFAULT = def(526, "ESERVERFAULT", "Kernel-internal (NFS): server fault");
    public static final Errno EBADTYPE = def(527, "EBADTYPE", "Kernel-internal (NFS): bad type");
    public static final Errno EJUKEBOX = def(528, "EJUKEBOX", "Kernel-internal (NFS): try again later");
    public static final Errno EIOCBQUEUED = def(529, "EIOCBQUEUED", "Kernel-internal: I/O queued");
    public static final Errno ERECALLCONFLICT = def(530, "ERECALLCONFLICT", "Kernel-internal (NFS): recall conflict");
    public static final Errno ENOGRACE = def(531, "ENOGRACE", "Kernel-internal (NFS): no grace period");
    /** Alias of {@link #EAGAIN}. */
    public static final Errno EWOULDBLOCK = EAGAIN;
    /** Alias of {@link #EDEADLK}. */
    public static final Errno EDEADLOCK = EDEADLK;
    /** Alias of {@link #EOPNOTSUPP} (the C library's ENOTSUP). */
    public static final Errno ENOTSUP = EOPNOTSUPP;

    private final int number;
    private final String name;
    private final String description;

    private Errno(int number, String name, String description) {
        this.number = number;
        this.name = name;
        this.description = description;
    }

    private static Errno def(int number, String name, String description) {
        Errno e = new Errno(number, name, description);
        BY_NUMBER.put(number, e);
        return e;
    }

    /** The errno for a number: a named constant, or an unnamed value for numbers Linux doesn't name. */
    public static Errno of(int number) {
        Errno e = BY_NUMBER.get(number);
        return e != null ? e : new Errno(number, "errno " + number, "Unknown error " + number);
    }

    /** The errno with this symbolic name (e.g. {@code "EPERM"}), or null. */
    public static Errno byName(String name) {
        return switch (name) {
            case "EWOULDBLOCK" -> EWOULDBLOCK;
            case "EDEADLOCK" -> EDEADLOCK;
            case "ENOTSUP" -> ENOTSUP;
            default -> BY_NUMBER.values().stream().filter(e -> e.name.equals(name)).findFirst().orElse(null);
        };
    }

    /** The positive error number. */
    public int number() {
        return number;
    }

    /** The symbolic name, e.g. {@code EPERM}; {@code errno N} for unnamed numbers. */
    public String name() {
        return name;
    }

    /** The C library's message for it, e.g. {@code Operation not permitted}. */
    public String description() {
        return description;
    }

    /** True when Linux has a name for this number. */
    public boolean isKnown() {
        return BY_NUMBER.get(number) == this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Errno e && e.number == number;
    }

    @Override
    public int hashCode() {
        return number;
    }

    /** {@code NAME (description)}. */
    @Override
    public String toString() {
        return name + " (" + description + ")";
    }
}
