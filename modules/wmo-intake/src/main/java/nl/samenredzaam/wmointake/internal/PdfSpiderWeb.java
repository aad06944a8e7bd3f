package nl.samenredzaam.wmointake.internal;

import java.awt.Color;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import nl.samenredzaam.instruments.PositiveHealthDimension;
import nl.samenredzaam.instruments.PositiveHealthScores;

/**
 * The Positieve Gezondheid spider web drawn in the verslag PDF (vector), like the SVG on the page:
 * the current measurement as a solid line with round points, the previous one dashed with square
 * points. The table next to it carries the same numbers as text.
 */
final class PdfSpiderWeb {

    static final float WIDTH = 440;
    static final float HEIGHT = 300;
    private static final float CX = WIDTH / 2;
    private static final float CY = 150;
    private static final float R = 95;
    private static final Color CURRENT = new Color(0x1d, 0x5b, 0x8f);
    private static final Color PREVIOUS = new Color(0x8a, 0x4b, 0x00);
    private static final Color GRID = new Color(0x76, 0x76, 0x76);

    private PdfSpiderWeb() {
    }

    static Image image(PdfWriter writer, PositiveHealthScores current, PositiveHealthScores previous) throws BadElementException {
        PdfContentByte cb = writer.getDirectContent();
        PdfTemplate t = cb.createTemplate(WIDTH, HEIGHT);
        t.setColorStroke(GRID);
        for (int ring = 2; ring <= 10; ring += 2) {
            t.setLineWidth(ring == 10 ? 1.2f : 0.5f);
            polygon(t, ring, ring, ring, ring, ring, ring);
            t.stroke();
        }
        t.setLineWidth(0.5f);
        for (int i = 0; i < 6; i++) {
            t.moveTo(CX, CY);
            t.lineTo(x(i, 10), y(i, 10));
        }
        t.stroke();
        if (previous != null) {
            t.setColorStroke(PREVIOUS);
            t.setLineWidth(1.8f);
            t.setLineDash(6, 4, 0);
            polygon(t, scores(previous));
            t.stroke();
            t.setLineDash(0);
            for (int i = 0; i < 6; i++) {
                float v = scores(previous)[i];
                t.setColorFill(Color.WHITE);
                t.rectangle(x(i, v) - 3, y(i, v) - 3, 6, 6);
                t.fillStroke();
            }
        }
        t.setColorStroke(CURRENT);
        t.setLineWidth(2.4f);
        polygon(t, scores(current));
        t.stroke();
        t.setColorFill(CURRENT);
        for (int i = 0; i < 6; i++) {
            float v = scores(current)[i];
            t.circle(x(i, v), y(i, v), 3.5f);
            t.fill();
        }
        BaseFont font;
        BaseFont bold;
        try {
            font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("standard font", e);
        }
        PositiveHealthDimension[] dims = PositiveHealthDimension.values();
        for (int i = 0; i < 6; i++) {
            float lx = x(i, 11.3f);
            float ly = y(i, 11.3f);
            int align = Math.abs(lx - CX) < 1 ? PdfContentByte.ALIGN_CENTER : lx > CX ? PdfContentByte.ALIGN_LEFT : PdfContentByte.ALIGN_RIGHT;
            float top = i == 0 ? ly + 12 : i == 3 ? ly - 8 : ly + 2;
            boolean talk = current.wantToTalk().contains(dims[i]);
            t.beginText();
            t.setColorFill(Color.BLACK);
            t.setFontAndSize(talk ? bold : font, 9.5f);
            t.showTextAligned(align, (talk ? "* " : "") + dims[i].label().nl(), lx, top, 0);
            t.setFontAndSize(font, 8.5f);
            t.setColorFill(Color.DARK_GRAY);
            String values = "nu " + current.score(dims[i]) + (previous == null ? "" : " · was " + previous.score(dims[i]));
            t.showTextAligned(align, values, lx, top - 10, 0);
            t.endText();
        }
        return Image.getInstance(t);
    }

    private static float[] scores(PositiveHealthScores s) {
        PositiveHealthDimension[] dims = PositiveHealthDimension.values();
        float[] out = new float[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = s.score(dims[i]);
        }
        return out;
    }

    private static void polygon(PdfTemplate t, float... values) {
        t.moveTo(x(0, values[0]), y(0, values[0]));
        for (int i = 1; i < values.length; i++) {
            t.lineTo(x(i, values[i]), y(i, values[i]));
        }
        t.closePath();
    }

    /** PDF y grows upwards: axis 0 points up, the others follow clockwise. */
    static float x(int axis, float value) {
        return CX + (float) (R * value / 10.0 * Math.cos(Math.toRadians(90 - 60 * axis)));
    }

    static float y(int axis, float value) {
        return CY + (float) (R * value / 10.0 * Math.sin(Math.toRadians(90 - 60 * axis)));
    }
}
