package dev.mirror.api.model;

/** The kind of a row change, as the SuperOffice protocol spells it: I, U or D. */
public enum Operation {
    INSERT('I'), UPDATE('U'), DELETE('D');

    private final char code;

    Operation(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** Parses I, U or D (case-insensitive). */
    public static Operation fromCode(String code) {
        if (code != null && code.length() == 1) {
            switch (Character.toUpperCase(code.charAt(0))) {
                case 'I': return INSERT;
                case 'U': return UPDATE;
                case 'D': return DELETE;
                default: break;
            }
        }
        throw new IllegalArgumentException("row operation must be I, U or D, got '" + code + "'");
    }
}
