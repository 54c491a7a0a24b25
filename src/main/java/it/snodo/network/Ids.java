package it.snodo.network;

/** The one rule for every id and code of the network. */
public final class Ids {

    /** 1 to 100 characters of letters, digits, '.', '_' and '-'. */
    public static final String REGEX = "[A-Za-z0-9._-]{1,100}";

    public static final String MESSAGE = "must be 1-100 characters of letters, digits, '.', '_' or '-'";

    private static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern.compile(REGEX);

    private Ids() {}

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
