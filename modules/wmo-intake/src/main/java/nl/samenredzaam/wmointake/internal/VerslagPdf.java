package nl.samenredzaam.wmointake.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import nl.samenredzaam.instruments.PositiveHealthDimension;
import nl.samenredzaam.instruments.PositiveHealthScores;
import nl.samenredzaam.instruments.ZrmDomain;
import nl.samenredzaam.instruments.ZrmScores;
import nl.samenredzaam.wmointake.internal.deadline.WmoTerms;

/**
 * The verslag of the keukentafelgesprek as a PDF in plain Dutch (B1) for the resident: what was
 * asked, what they can do themselves, what they want to regain, what is solved together, what
 * remains; the measurements; and what happens next, with the terms.
 */
public final class VerslagPdf {

    private static final Locale NL = Locale.forLanguageTag("nl");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", NL);
    private static final Color ACCENT = new Color(0x1d, 0x5b, 0x8f);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18, ACCENT);
    private static final Font H2 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13, ACCENT);
    private static final Font H3 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11.5f, Color.BLACK);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 11.5f, Color.BLACK);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11.5f, Color.BLACK);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 9.5f, Color.DARK_GRAY);

    private VerslagPdf() {
    }

    public static byte[] render(FileDetail d, String initiativeName, LocalDate today, WmoTerms terms) {
        IntakeFile f = d.file();
        Conversation c = d.conversation();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 60, 60, 60, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setTagged();
            writer.getExtraCatalog().put(com.lowagie.text.pdf.PdfName.LANG, new com.lowagie.text.pdf.PdfString("nl-NL"));
            doc.addTitle("Verslag van het gesprek over ondersteuning");
            doc.addSubject("Wmo-verslag");
            doc.addAuthor(initiativeName);
            doc.addCreator("Samenredzaam");
            HeaderFooter footer = new HeaderFooter(new Phrase(initiativeName + " · Verslag Wmo-gesprek · pagina ", SMALL), true);
            footer.setBorder(Rectangle.NO_BORDER);
            footer.setAlignment(Element.ALIGN_CENTER);
            doc.setFooter(footer);
            doc.open();

            doc.add(new Paragraph("Verslag van het gesprek over ondersteuning", TITLE));
            doc.add(new Paragraph(initiativeName + " · gemaakt op " + DATE.format(today), SMALL));
            doc.add(spacer());

            PdfPTable facts = new PdfPTable(new float[] {1.3f, 2.7f});
            facts.setWidthPercentage(100);
            row(facts, "Naam", f.residentName());
            row(facts, "Datum van de melding", DATE.format(f.meldingDate()));
            row(facts, "Datum van het gesprek", c.heldOn() == null ? "nog niet bekend" : DATE.format(c.heldOn()));
            if (c.present() != null) {
                row(facts, "Bij het gesprek waren", c.present());
            }
            row(facts, "Uw contactpersoon", d.professionalName());
            if (d.coachName() != null) {
                row(facts, "Uw cliëntondersteuner", d.coachName());
            }
            row(facts, "Dossiernummer", Long.toString(f.id()));
            doc.add(facts);

            doc.add(h2("1. Uw vraag"));
            doc.add(h3("Wat u ons vertelde bij de melding"));
            doc.add(text(f.requestText()));
            section(doc, "Uw vraag en wat u nodig heeft", c.vraag());
            section(doc, "Uw situatie en wat u belangrijk vindt", c.omstandigheden());

            doc.add(h2("2. Wat u zelf kunt, en wat u weer wilt kunnen"));
            section(doc, "Wat u zelf kunt", c.zelf());
            section(doc, "Wat u weer wilt leren of kunnen, en hoe", c.herwinnen());

            doc.add(h2("3. Samen oplossen"));
            section(doc, "Wat uw familie, buren, vrienden en mantelzorger doen", c.netwerk());
            section(doc, "Wat vrijwilligers en activiteiten in de buurt kunnen doen", c.vrijwilligers());
            section(doc, "Wat algemene voorzieningen kunnen doen", c.voorzieningen());
            if (!d.links().isEmpty()) {
                doc.add(h3("Wat we al hebben geregeld"));
                for (Link l : d.links()) {
                    String when = l.startsAt() == null ? "" : " (" + DATE.format(l.startsAt().toLocalDate()) + ")";
                    doc.add(bullet(kind(l) + l.title() + when));
                }
            }

            doc.add(h2("4. Wat er overblijft: ondersteuning op maat"));
            doc.add(text(c.maatwerk() == null ? "Er is geen ondersteuning op maat nodig, of dit is nog niet besproken." : c.maatwerk()));

            PositiveHealthScores now = d.currentPh();
            if (now != null) {
                PositiveHealthScores before = d.previousPh();
                doc.add(h2("Positieve Gezondheid"));
                doc.add(text("Uw cijfers van 0 tot 10. Hoe hoger, hoe beter het met u gaat op dat onderwerp."
                        + (before == null ? "" : " De doorgetrokken lijn is nu, de stippellijn de vorige keer.")
                        + (now.wantToTalk().isEmpty() ? "" : " Met een * staat wat u wilt bespreken.")));
                com.lowagie.text.Image web = PdfSpiderWeb.image(writer, now, before);
                web.setAlignment(com.lowagie.text.Image.MIDDLE);
                web.setAlt("Spinnenweb Positieve Gezondheid; de cijfers staan in de tabel hieronder.");
                doc.add(web);
                PdfPTable t = new PdfPTable(before == null ? 3 : 4);
                t.setWidthPercentage(100);
                t.setHeaderRows(1);
                header(t, "Onderwerp");
                header(t, "Nu (" + DATE.format(now.measuredOn()) + ")");
                if (before != null) {
                    header(t, "Vorige keer (" + DATE.format(before.measuredOn()) + ")");
                }
                header(t, "Hier wil ik over praten");
                for (PositiveHealthDimension dim : PositiveHealthDimension.values()) {
                    cell(t, dim.label().nl(), BOLD);
                    cell(t, Integer.toString(now.score(dim)), BODY);
                    if (before != null) {
                        cell(t, Integer.toString(before.score(dim)), BODY);
                    }
                    cell(t, now.wantToTalk().contains(dim) ? "ja" : "", BODY);
                }
                doc.add(t);
            }
            if (!d.zrm().isEmpty()) {
                ZrmScores z = d.zrm().get(d.zrm().size() - 1);
                doc.add(h2("Zelfredzaamheid"));
                doc.add(text("Zelfredzaamheidsmatrix van " + DATE.format(z.measuredOn()) + ": hoe goed lukt het u zelf?"));
                PdfPTable t = new PdfPTable(new float[] {2f, 2f});
                t.setWidthPercentage(100);
                t.setHeaderRows(1);
                header(t, "Onderwerp");
                header(t, "Score");
                for (ZrmDomain dom : ZrmDomain.values()) {
                    if (z.score(dom).isPresent()) {
                        int s = z.score(dom).get();
                        cell(t, dom.label().nl(), BOLD);
                        cell(t, s + " – " + ZrmDomain.scoreLabel(s).nl(), BODY);
                    }
                }
                doc.add(t);
            }

            doc.add(h2("Wat gebeurt er nu?"));
            doc.add(text("Lees dit verslag goed. Klopt er iets niet, of mist u iets? Laat het ons weten. "
                    + "U mag altijd reageren op dit verslag. Wij schrijven uw reactie op."));
            doc.add(text("Wilt u ondersteuning op maat? Dan doet u een aanvraag bij de gemeente. De gemeente beslist binnen "
                    + weeks(terms.beschikkingWeeks()) + " na uw aanvraag. Bent u het niet eens met die beslissing? Dan kunt u binnen "
                    + weeks(terms.bezwaarWeeks()) + " bezwaar maken."));
            doc.add(text("U heeft recht op gratis en onafhankelijke cliëntondersteuning. Een cliëntondersteuner helpt u bij "
                    + "het gesprek, de aanvraag en een bezwaar. Vraag ernaar bij uw contactpersoon."));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the verslag could not be made", e);
        }
        return out.toByteArray();
    }

    private static String weeks(int n) {
        return n == 1 ? "1 week" : n + " weken";
    }

    private static String kind(Link l) {
        return switch (l.kind()) {
            case ACTIVITY -> "Activiteit: ";
            case VOLUNTEER -> "Vrijwilliger: ";
            case TEXT -> "";
        };
    }

    /** A heading with its text, kept on one page (no heading alone at the bottom of a page). */
    private static void section(Document doc, String heading, String body) throws DocumentException {
        Paragraph p = new Paragraph();
        p.setLeading(16);
        p.setSpacingBefore(8);
        p.setSpacingAfter(4);
        p.add(new Chunk(heading, H3));
        p.add(Chunk.NEWLINE);
        p.add(new Chunk(body == null || body.isBlank() ? "Niet besproken." : body, BODY));
        p.setKeepTogether(true);
        doc.add(p);
    }

    private static Paragraph h2(String s) {
        Paragraph p = new Paragraph(s, H2);
        p.setSpacingBefore(14);
        p.setSpacingAfter(4);
        return p;
    }

    private static Paragraph h3(String s) {
        Paragraph p = new Paragraph(s, H3);
        p.setSpacingBefore(8);
        p.setSpacingAfter(2);
        return p;
    }

    private static Paragraph text(String s) {
        Paragraph p = new Paragraph(s, BODY);
        p.setLeading(16);
        p.setSpacingAfter(4);
        return p;
    }

    private static Paragraph bullet(String s) {
        Paragraph p = new Paragraph();
        p.add(new Chunk("•  ", BODY));
        p.add(new Chunk(s, BODY));
        p.setIndentationLeft(12);
        return p;
    }

    private static Paragraph spacer() {
        Paragraph p = new Paragraph(" ", SMALL);
        p.setSpacingAfter(4);
        return p;
    }

    private static void row(PdfPTable t, String label, String value) {
        cell(t, label, BOLD);
        cell(t, value == null ? "" : value, BODY);
    }

    private static void header(PdfPTable t, String s) {
        PdfPCell cell = new PdfPCell(new Phrase(s, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11, Color.WHITE)));
        cell.setBackgroundColor(ACCENT);
        cell.setPadding(5);
        t.addCell(cell);
    }

    private static void cell(PdfPTable t, String s, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(s, font));
        cell.setPadding(5);
        cell.setBorderColor(Color.GRAY);
        t.addCell(cell);
    }
}
