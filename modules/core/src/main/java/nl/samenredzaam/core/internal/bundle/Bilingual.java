package nl.samenredzaam.core.internal.bundle;

/**
 * Problems are written "Nederlands / English": the web layer shows the part before the first
 * {@code " / "} in Dutch and the rest in English. Composed messages must keep that shape.
 */
final class Bilingual {

    private Bilingual() {
    }

    static String dutch(String text) {
        int i = text.indexOf(" / ");
        return i < 0 ? text : text.substring(0, i);
    }

    static String english(String text) {
        int i = text.indexOf(" / ");
        return i < 0 ? text : text.substring(i + 3);
    }

    /** {@code nlBefore + dutch(text) + nlAfter + " / " + enBefore + english(text) + enAfter}. */
    static String wrap(String nlBefore, String text, String nlAfter, String enBefore, String enAfter) {
        return nlBefore + dutch(text) + nlAfter + " / " + enBefore + english(text) + enAfter;
    }

    /** Two problems as one, each language with its own. */
    static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return dutch(a) + "; " + dutch(b) + " / " + english(a) + "; " + english(b);
    }
}
