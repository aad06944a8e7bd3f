package nl.samenredzaam.wmointake.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.instruments.PositiveHealthDimension;
import nl.samenredzaam.instruments.PositiveHealthScores;
import nl.samenredzaam.instruments.ZrmDomain;
import nl.samenredzaam.instruments.ZrmScores;

/** Positieve Gezondheid and ZRM measurements of a file, oldest first. */
public final class MeasurementRepository {

    static final String PG = "PG";
    static final String ZRM = "ZRM";

    public long addPositiveHealth(Sql sql, long fileId, PositiveHealthScores m, Instant now) {
        long id = measurement(sql, fileId, PG, m.measuredOn(), now);
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            score(sql, id, d.name(), m.score(d), m.wantToTalk().contains(d));
        }
        return id;
    }

    public long addZrm(Sql sql, long fileId, ZrmScores m, Instant now) {
        long id = measurement(sql, fileId, ZRM, m.measuredOn(), now);
        m.scores().forEach((d, score) -> score(sql, id, d.name(), score, false));
        return id;
    }

    public List<PositiveHealthScores> positiveHealth(Sql sql, long fileId) {
        List<PositiveHealthScores> out = new ArrayList<>();
        for (Row m : rows(sql, fileId, PG).values()) {
            Map<PositiveHealthDimension, Integer> scores = new EnumMap<>(PositiveHealthDimension.class);
            Set<PositiveHealthDimension> talk = EnumSet.noneOf(PositiveHealthDimension.class);
            m.items.forEach((item, score) -> {
                PositiveHealthDimension d = PositiveHealthDimension.valueOf(item);
                scores.put(d, score[0]);
                if (score[1] == 1) {
                    talk.add(d);
                }
            });
            out.add(new PositiveHealthScores(m.on, scores, talk));
        }
        return out;
    }

    public List<ZrmScores> zrm(Sql sql, long fileId) {
        List<ZrmScores> out = new ArrayList<>();
        for (Row m : rows(sql, fileId, ZRM).values()) {
            Map<ZrmDomain, Integer> scores = new EnumMap<>(ZrmDomain.class);
            m.items.forEach((item, score) -> scores.put(ZrmDomain.valueOf(item), score[0]));
            out.add(new ZrmScores(m.on, scores));
        }
        return out;
    }

    private static final class Row {
        LocalDate on;
        final Map<String, int[]> items = new LinkedHashMap<>();
    }

    private static Map<Long, Row> rows(Sql sql, long fileId, String instrument) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        sql.list("select m.id, m.measured_on, s.item, s.score, s.want_to_talk from wmo_intake_measurement m "
                + "join wmo_intake_score s on s.measurement_id = m.id and s.initiative_id = :initiative "
                + "where m.initiative_id = :initiative and m.file_id = :file and m.instrument = :instrument "
                + "order by m.measured_on, m.id, s.item", r -> {
                    Row row = rows.computeIfAbsent(r.getLong(1), k -> new Row());
                    row.on = Rows.date(r, "measured_on");
                    row.items.put(r.getString(3), new int[] {r.getInt(4), r.getBoolean(5) ? 1 : 0});
                    return Boolean.TRUE;
                }, "file", fileId, "instrument", instrument);
        return rows;
    }

    private static long measurement(Sql sql, long fileId, String instrument, LocalDate on, Instant now) {
        return sql.insert("insert into wmo_intake_measurement (initiative_id, file_id, instrument, measured_on, created_at) "
                + "values (:initiative, :file, :instrument, :on, :now)", "file", fileId, "instrument", instrument, "on", on, "now", now);
    }

    private static void score(Sql sql, long measurementId, String item, int score, boolean talk) {
        sql.update("insert into wmo_intake_score (measurement_id, initiative_id, item, score, want_to_talk) "
                + "values (:m, :initiative, :item, :score, :talk)", "m", measurementId, "item", item, "score", score, "talk", talk);
    }
}
