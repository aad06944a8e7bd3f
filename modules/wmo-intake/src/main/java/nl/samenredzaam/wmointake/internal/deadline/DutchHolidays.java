package nl.samenredzaam.wmointake.internal.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * The generally recognised public holidays of article 3 of the Algemene termijnenwet: Nieuwjaarsdag,
 * tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, eerste en tweede Kerstdag, the day the King's
 * birthday is celebrated (27 April, or 26 April when the 27th is a Sunday) and 5 May. (Goede Vrijdag
 * is not one; eerste Paas- and Pinksterdag are Sundays anyway.)
 */
public final class DutchHolidays {

    private DutchHolidays() {
    }

    public static boolean isHoliday(LocalDate d) {
        int year = d.getYear();
        if (d.getMonth() == Month.JANUARY && d.getDayOfMonth() == 1) {
            return true;
        }
        if (d.getMonth() == Month.DECEMBER && (d.getDayOfMonth() == 25 || d.getDayOfMonth() == 26)) {
            return true;
        }
        if (d.getMonth() == Month.MAY && d.getDayOfMonth() == 5) {
            return true;
        }
        if (d.equals(kingsDay(year))) {
            return true;
        }
        LocalDate easter = easterSunday(year);
        return d.equals(easter.plusDays(1)) || d.equals(easter.plusDays(39)) || d.equals(easter.plusDays(50));
    }

    /** Saturday, Sunday or a public holiday. */
    public static boolean isNonWorkingDay(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || isHoliday(d);
    }

    static LocalDate kingsDay(int year) {
        LocalDate d = LocalDate.of(year, 4, 27);
        return d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.minusDays(1) : d;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
