package nl.samenredzaam.launcher;

/** A command line the launcher cannot use; the message is Dutch, then English. Exit code 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String dutch, String english) {
        super(dutch + "\n" + english);
    }
}
