package nl.samenredzaam.wmointake.internal.deadline;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The typed configuration of the Wmo 2015 terms (PID {@value WmoTerms#PID}). The defaults are
 * the constants of {@link WmoTerms}: change a term there, or by configuration, never elsewhere.
 */
@ObjectClassDefinition(name = "Wmo-intake: wettelijke termijnen", description = "Terms of the Wmo 2015 and the Awb, and when to warn.")
public @interface WmoTermsConfiguration {

    @AttributeDefinition(name = "Persoonlijk plan (dagen na de melding)", description = "Wmo 2015 art. 2.3.2 lid 2")
    int persoonlijkPlanDays() default WmoTerms.PERSOONLIJK_PLAN_DAYS;

    @AttributeDefinition(name = "Onderzoek (weken na de melding)", description = "Wmo 2015 art. 2.3.2 lid 1")
    int onderzoekWeeks() default WmoTerms.ONDERZOEK_WEEKS;

    @AttributeDefinition(name = "Beschikking (weken na de aanvraag)", description = "Wmo 2015 art. 2.3.5 lid 1")
    int beschikkingWeeks() default WmoTerms.BESCHIKKING_WEEKS;

    @AttributeDefinition(name = "Bezwaar (weken na de beschikking)", description = "Awb art. 6:7")
    int bezwaarWeeks() default WmoTerms.BEZWAAR_WEEKS;

    @AttributeDefinition(name = "Waarschuwen (dagen voor het einde van een termijn)")
    int warningDays() default WmoTerms.WARNING_DAYS;

    @AttributeDefinition(name = "Regel voor het einde van een termijn")
    TermRule rule() default TermRule.ALGEMENE_TERMIJNENWET;
}
