package nl.samenredzaam.referral.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import nl.samenredzaam.api.i18n.Messages;

/**
 * The intake conversation: "de vraag achter de vraag", goals, what the person lets the coach share
 * with the referrer, and the first Positieve Gezondheid measurement.
 */
public record IntakeInput(String questionBehind, String goals, boolean sharePlan, boolean shareScores, boolean shareOutcome,
        ScoresInput scores) {

    static final int TEXT_MAX = 2000;

    public IntakeInput {
        questionBehind = questionBehind == null ? "" : questionBehind.strip();
        goals = goals == null ? "" : goals.strip();
        scores = scores == null ? ScoresInput.empty() : scores;
    }

    Map<String, String> problems(Messages msg) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (questionBehind.isEmpty()) {
            problems.put("questionBehind", msg.get("error.questionBehind.missing"));
        } else if (questionBehind.length() > TEXT_MAX) {
            problems.put("questionBehind", msg.get("error.tooLong", TEXT_MAX));
        }
        if (goals.length() > TEXT_MAX) {
            problems.put("goals", msg.get("error.tooLong", TEXT_MAX));
        }
        problems.putAll(scores.problems(msg, "score"));
        return problems;
    }
}
