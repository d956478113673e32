package io.kflab.papers.tnum;

/** One reproduced figure beside the published one, with its verdict. */
public record Row(String experiment, String quantity, String published, String reproduced, Verdict verdict) {

    /** How a reproduced figure relates to the published one. */
    public enum Verdict {
        MATCH("match"),
        MISMATCH("MISMATCH"),
        /** kflab's own figure; nothing was published for it. */
        KFLAB("kflab only");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    static Row compare(String experiment, String quantity, long published, long reproduced) {
        return new Row(experiment, quantity, Fmt.n(published), Fmt.n(reproduced), published == reproduced ? Verdict.MATCH : Verdict.MISMATCH);
    }

    static Row kflab(String experiment, String quantity, String reproduced) {
        return new Row(experiment, quantity, "—", reproduced, Verdict.KFLAB);
    }
}
