package nl.samenredzaam.referral.internal;

import java.io.ByteArrayOutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import nl.samenredzaam.api.i18n.Messages;

/** The feedback letter as a PDF (OpenPDF), with the same content as the page. */
final class LetterPdf {

    private LetterPdf() {
    }

    static byte[] render(FeedbackLetter letter, String initiativeName, String date, Messages msg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(letter.title());
        doc.addAuthor(initiativeName);
        doc.open();
        Font h1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font h2 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 11);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
        doc.add(new Paragraph(initiativeName, body));
        doc.add(new Paragraph(date, body));
        Paragraph title = new Paragraph(letter.title(), h1);
        title.setSpacingBefore(12);
        title.setSpacingAfter(8);
        doc.add(title);
        PdfPTable facts = new PdfPTable(new float[] {1f, 2f});
        facts.setWidthPercentage(100);
        for (FeedbackLetter.Line line : letter.facts()) {
            facts.addCell(cell(line.label(), bold));
            facts.addCell(cell(line.value(), body));
        }
        doc.add(facts);
        for (FeedbackLetter.Section s : letter.sections()) {
            Paragraph heading = new Paragraph(s.heading(), h2);
            heading.setSpacingBefore(10);
            doc.add(heading);
            for (String item : s.items()) {
                doc.add(new Paragraph((s.items().size() > 1 ? "• " : "") + item, body));
            }
        }
        if (!letter.scores().isEmpty()) {
            Paragraph heading = new Paragraph(msg.get("dossier.health"), h2);
            heading.setSpacingBefore(10);
            heading.setSpacingAfter(4);
            doc.add(heading);
            PdfPTable table = new PdfPTable(letter.withAfter() ? 4 : 2);
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.addCell(cell(msg.get("letter.dimension"), bold));
            table.addCell(cell(msg.get("letter.before"), bold));
            if (letter.withAfter()) {
                table.addCell(cell(msg.get("letter.after"), bold));
                table.addCell(cell(msg.get("letter.change"), bold));
            }
            for (FeedbackLetter.ScoreRow row : letter.scores()) {
                table.addCell(cell(row.dimension(), body));
                table.addCell(cell(Integer.toString(row.before()), body));
                if (letter.withAfter()) {
                    table.addCell(cell(row.after() == null ? "" : Integer.toString(row.after()), body));
                    table.addCell(cell(row.change(), body));
                }
            }
            doc.add(table);
        }
        Paragraph foot = new Paragraph(msg.get("letter.footer"), FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 9));
        foot.setSpacingBefore(16);
        foot.setAlignment(Element.ALIGN_LEFT);
        doc.add(foot);
        doc.close();
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Paragraph(text, font));
        c.setPadding(4);
        return c;
    }
}
