package nl.samenredzaam.calendar.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/** The week or month programme as an A4 PDF for the notice board (OpenPDF, standard fonts, large print). */
final class ProgrammePdf {

    private ProgrammePdf() {
    }

    /**
     * @param title    e.g. "Dorpszorg Lindeholt – activiteiten"
     * @param subtitle the period, e.g. "december 2026"
     * @param footer   how to register, with the web address
     */
    static byte[] write(String title, String subtitle, List<PageModels.Day> days, String empty, String footer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 42, 42);
        PdfWriter.getInstance(document, out);
        document.addTitle(title + " " + subtitle);
        document.addCreator("Samenredzaam");
        document.open();
        Font h1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 20);
        Font h2 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 12);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 10);
        document.add(new Paragraph(title, h1));
        Paragraph sub = new Paragraph(subtitle, h2);
        sub.setSpacingAfter(10);
        document.add(sub);
        if (days.isEmpty()) {
            document.add(new Paragraph(empty, body));
        }
        for (PageModels.Day day : days) {
            Paragraph heading = new Paragraph(day.label(), h2);
            heading.setSpacingBefore(8);
            heading.setSpacingAfter(4);
            document.add(heading);
            PdfPTable table = new PdfPTable(new float[] {2.2f, 5f, 3.3f});
            table.setWidthPercentage(100);
            for (PageModels.Item item : day.items()) {
                table.addCell(cell(new Phrase(item.time(), body)));
                Phrase what = new Phrase(item.title(), bold);
                if (item.cancelled()) {
                    what.add(new Phrase(" (" + item.places() + ")", body));
                }
                table.addCell(cell(what));
                String where = item.location() == null ? "" : item.location();
                table.addCell(cell(new Phrase(where + (item.cancelled() || item.places().isEmpty() ? "" : "\n" + item.places()), small)));
            }
            table.setKeepTogether(true);
            document.add(table);
        }
        Paragraph foot = new Paragraph(footer, small);
        foot.setSpacingBefore(14);
        foot.setAlignment(Element.ALIGN_LEFT);
        document.add(foot);
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setPadding(5);
        cell.setBorderWidth(0.5f);
        return cell;
    }
}
