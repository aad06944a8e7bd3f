package nl.samenredzaam.api.module;

import nl.samenredzaam.api.i18n.Text;

/**
 * The roles a person can have within one initiative. A person may hold several roles, and
 * different roles in different initiatives. The platform operator is not a role of an
 * initiative; see {@link nl.samenredzaam.api.identity.Actor#isOperator()}.
 */
public enum Role {
    /** Inwoner: asks for help, joins activities, sees their own data. */
    RESIDENT(Text.of("Inwoner", "Resident")),
    /** Vrijwilliger: offers help. */
    VOLUNTEER(Text.of("Vrijwilliger", "Volunteer")),
    /** Coördinator (sociaal makelaar, dorpsondersteuner): routes requests, acts on behalf of residents. */
    COORDINATOR(Text.of("Coördinator", "Coordinator")),
    /** Professional (wijkverpleegkundige, welzijnscoach, cliëntondersteuner). */
    PROFESSIONAL(Text.of("Professional", "Professional")),
    /** Verwijzer (huisartsenpraktijk, POH-GGZ, fysiotherapeut). */
    REFERRER(Text.of("Verwijzer", "Referrer")),
    /** Beheerder of the initiative: switches modules, manages members and roles. */
    ADMIN(Text.of("Beheerder", "Initiative admin"));

    private final Text label;

    Role(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
    }
}
