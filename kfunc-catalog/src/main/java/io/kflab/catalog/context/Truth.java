package io.kflab.catalog.context;

/** A three-valued truth (Kleene logic) for predicates over a calling context the model may not fully know. */
public enum Truth {
    TRUE, FALSE, UNKNOWN;

    public static Truth of(boolean b) { return b ? TRUE : FALSE; }

    public Truth not() {
        return switch (this) { case TRUE -> FALSE; case FALSE -> TRUE; case UNKNOWN -> UNKNOWN; };
    }

    public Truth and(Truth o) {
        if (this == FALSE || o == FALSE) return FALSE;
        return this == TRUE && o == TRUE ? TRUE : UNKNOWN;
    }

    public Truth or(Truth o) {
        if (this == TRUE || o == TRUE) return TRUE;
        return this == FALSE && o == FALSE ? FALSE : UNKNOWN;
    }
}
