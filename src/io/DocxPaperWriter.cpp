#include "DocxPaperWriter.h"

#include "PaperLayout.h"
#include "ZipArchive.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QXmlStreamWriter>

namespace rt {

namespace {

using paperlayout::Medium;

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::DocxPaperWriter", text);
}

const QString kW = QStringLiteral("http://schemas.openxmlformats.org/wordprocessingml/2006/main");
const QString kR = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships");

// A4 in twentieths of a point, and a 1.5 cm margin all round.
constexpr int kShortSide = 11906;
constexpr int kLongSide = 16838;
constexpr int kMargin = 850;
constexpr int kCellMargin = 85; // left and right inside a cell

QString hex(const QColor& c)
{
    return c.name().mid(1).toUpper();
}

// Writes WordprocessingML with the w: prefix on every element and attribute.
class Xml
{
public:
    explicit Xml(QByteArray* out) : m_buffer(out)
    {
        m_buffer.open(QIODevice::WriteOnly);
        m_xml.setDevice(&m_buffer);
        m_xml.writeStartDocument(QStringLiteral("1.0"), true);
    }

    QXmlStreamWriter& raw() { return m_xml; }
    void start(const char* name) { m_xml.writeStartElement(kW, QLatin1String(name)); }
    void end() { m_xml.writeEndElement(); }
    void finish() { m_xml.writeEndDocument(); }
    // <w:name w:val="value"/> and friends.
    void empty(const char* name, std::initializer_list<std::pair<const char*, QString>> attributes = {})
    {
        m_xml.writeEmptyElement(kW, QLatin1String(name));
        for (const auto& a : attributes)
            m_xml.writeAttribute(kW, QLatin1String(a.first), a.second);
    }
    void val(const char* name, const QString& value) { empty(name, {{"val", value}}); }

    // A run of text; line breaks become w:br and tabs w:tab, as Word holds them.
    void run(const QString& text, bool bold, bool italic = false)
    {
        start("r");
        if (bold || italic) {
            start("rPr");
            if (bold)
                empty("b");
            if (italic)
                empty("i");
            end();
        }
        const QString clean = paperlayout::xmlSafe(text).remove(QLatin1Char('\r'));
        QString piece;
        auto flush = [&] {
            if (piece.isEmpty())
                return;
            start("t");
            m_xml.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
            m_xml.writeCharacters(piece);
            end();
            piece.clear();
        };
        for (QChar c : clean) {
            if (c == QLatin1Char('\n') || c == QLatin1Char('\t')) {
                flush();
                empty(c == QLatin1Char('\n') ? "br" : "tab");
            } else {
                piece.append(c);
            }
        }
        flush();
        end();
    }

    void paragraph(const QString& style, const QString& text, bool bold = false, bool keepNext = false)
    {
        start("p");
        if (!style.isEmpty() || keepNext) {
            start("pPr");
            if (!style.isEmpty())
                val("pStyle", style);
            if (keepNext)
                empty("keepNext");
            end();
        }
        if (!text.isEmpty())
            run(text, bold);
        end();
    }

private:
    QBuffer m_buffer;
    QXmlStreamWriter m_xml;
};

struct Page
{
    int width;
    int height;
    int textWidth() const { return width - 2 * kMargin; }
};

void cellProperties(Xml& x, int width, int span, const QColor& fill, bool joinsAbove, bool joinsBelow)
{
    x.start("tcPr");
    x.empty("tcW", {{"w", QString::number(width)}, {"type", QStringLiteral("dxa")}});
    if (span > 1)
        x.val("gridSpan", QString::number(span));
    if (joinsAbove || joinsBelow) {
        // A blank repeat reads as one merged cell with the one above: no line between.
        x.start("tcBorders");
        if (joinsAbove)
            x.empty("top", {{"val", QStringLiteral("nil")}});
        if (joinsBelow)
            x.empty("bottom", {{"val", QStringLiteral("nil")}});
        x.end();
    }
    if (fill.isValid())
        x.empty("shd",
                {{"val", QStringLiteral("clear")}, {"color", QStringLiteral("auto")}, {"fill", hex(fill)}});
    x.end();
}

void cellParagraphs(Xml& x, const QVector<PaperParagraph>& paragraphs, bool bold)
{
    if (paragraphs.isEmpty()) {
        x.paragraph(QStringLiteral("TableText"), QString()); // a cell must hold a paragraph
        return;
    }
    for (const PaperParagraph& p : paragraphs) {
        x.start("p");
        x.start("pPr");
        x.val("pStyle", QStringLiteral("TableText"));
        x.end();
        const QString label = p.shownLabel();
        if (!label.isEmpty())
            x.run(p.text.isEmpty() ? label : label + QLatin1Char(' '), true);
        if (!p.text.isEmpty())
            x.run(p.text, bold);
        x.end();
    }
}

void tableProperties(Xml& x, int width, bool borders)
{
    x.start("tblPr");
    x.empty("tblW", {{"w", QString::number(width)}, {"type", QStringLiteral("dxa")}});
    x.start("tblBorders");
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
        if (borders)
            x.empty(side, {{"val", QStringLiteral("single")},
                           {"sz", QStringLiteral("4")},
                           {"space", QStringLiteral("0")},
                           {"color", QStringLiteral("999999")}});
        else
            x.empty(side, {{"val", QStringLiteral("nil")}});
    }
    x.end();
    x.empty("tblLayout", {{"type", QStringLiteral("fixed")}});
    x.start("tblCellMar");
    x.empty("left", {{"w", QString::number(kCellMargin)}, {"type", QStringLiteral("dxa")}});
    x.empty("right", {{"w", QString::number(kCellMargin)}, {"type", QStringLiteral("dxa")}});
    x.end();
    x.empty("tblLook", {{"val", QStringLiteral("0020")}, {"firstRow", QStringLiteral("1")}});
    x.end();
}

void factsTable(Xml& x, const QVector<QPair<QString, QString>>& facts, int textWidth)
{
    const int keyWidth = textWidth / 5;
    x.start("tbl");
    tableProperties(x, textWidth, false);
    x.start("tblGrid");
    x.empty("gridCol", {{"w", QString::number(keyWidth)}});
    x.empty("gridCol", {{"w", QString::number(textWidth - keyWidth)}});
    x.end();
    for (const auto& fact : facts) {
        x.start("tr");
        x.start("tc");
        cellProperties(x, keyWidth, 1, QColor(), false, false);
        x.paragraph(QStringLiteral("Fact"), fact.first, true);
        x.end();
        x.start("tc");
        cellProperties(x, textWidth - keyWidth, 1, QColor(), false, false);
        x.paragraph(QStringLiteral("Fact"), fact.second);
        x.end();
        x.end();
    }
    x.end();
}

void paperTable(Xml& x, const PaperTable& t, int textWidth)
{
    if (!t.heading.isEmpty())
        x.paragraph(QStringLiteral("Heading1"), t.heading);
    if (!t.note.isEmpty())
        x.paragraph(QStringLiteral("Note"), t.note);
    const QVector<int> columns = paperlayout::shownColumns(t, Medium::Document);
    const QVector<double> shares = paperlayout::fittedShares(
        t, columns, textWidth / 20.0, 2 * kCellMargin / 20.0 + 2, paperlayout::estimatedWordWidth);
    QVector<int> widths;
    int used = 0;
    for (int i = 0; i < shares.size(); ++i) {
        const int w = i + 1 == shares.size() ? textWidth - used : int(shares.at(i) * textWidth);
        widths.append(w);
        used += w;
    }
    const QVector<QVector<bool>> blanked = paperlayout::blankedCells(t, Medium::Document);

    x.start("tbl");
    tableProperties(x, textWidth, true);
    x.start("tblGrid");
    for (int w : widths)
        x.empty("gridCol", {{"w", QString::number(w)}});
    x.end();

    // The header row: repeated by Word at the top of every page the table reaches.
    x.start("tr");
    x.start("trPr");
    x.empty("cantSplit");
    x.empty("tblHeader");
    x.end();
    for (int i = 0; i < columns.size(); ++i) {
        x.start("tc");
        cellProperties(x, widths.at(i), 1, paperlayout::headerFill(), false, false);
        cellParagraphs(x, {{QString(), t.columns.at(columns.at(i)).header}}, true);
        x.end();
    }
    x.end();

    for (int r = 0; r < t.rows.size(); ++r) {
        const PaperRow& row = t.rows.at(r);
        if (!row.groupHeading.isEmpty()) {
            x.start("tr");
            x.start("trPr");
            x.empty("cantSplit");
            x.end();
            x.start("tc");
            cellProperties(x, textWidth, columns.size(), paperlayout::groupFill(), false, false);
            x.start("p");
            x.start("pPr");
            x.val("pStyle", QStringLiteral("TableText"));
            x.empty("keepNext"); // never alone at the foot of a page
            x.end();
            x.run(row.groupHeading, true);
            x.end();
            x.end();
            x.end();
        }
        x.start("tr");
        for (int i = 0; i < columns.size(); ++i) {
            const int c = columns.at(i);
            const bool joinsAbove = blanked.at(r).at(c);
            const bool joinsBelow = r + 1 < t.rows.size() && blanked.at(r + 1).at(c);
            const PaperCell& cell = row.cells.at(c);
            x.start("tc");
            cellProperties(x, widths.at(i), 1, joinsAbove ? QColor() : paperlayout::ragFill(cell.fill),
                           joinsAbove, joinsBelow);
            cellParagraphs(x, joinsAbove ? QVector<PaperParagraph>() : paperlayout::documentParagraphs(cell),
                           false);
            x.end();
        }
        x.end();
    }
    x.end();
}

QByteArray documentXml(const Paper& paper, const Page& page)
{
    QByteArray out;
    Xml x(&out);
    x.raw().writeNamespace(kW, QStringLiteral("w"));
    x.raw().writeNamespace(kR, QStringLiteral("r"));
    x.start("document");
    x.start("body");
    if (!paper.organisation.isEmpty())
        x.paragraph(QStringLiteral("Organisation"), paper.organisation);
    if (!paper.title.isEmpty())
        x.paragraph(QStringLiteral("Title"), paper.title);
    if (!paper.subtitle.isEmpty())
        x.paragraph(QStringLiteral("Subtitle"), paper.subtitle);
    const auto facts = paperlayout::titleFacts(paper);
    if (!facts.isEmpty()) {
        factsTable(x, facts, page.textWidth());
        x.paragraph(QString(), QString());
    }
    for (const QString& p : paper.introduction)
        x.paragraph(QString(), p);
    for (const PaperTable& table : paper.tables) {
        paperTable(x, table, page.textWidth());
        x.paragraph(QString(), QString()); // Word needs a paragraph after a table
    }
    x.start("sectPr");
    x.raw().writeEmptyElement(kW, QStringLiteral("footerReference"));
    x.raw().writeAttribute(kW, QStringLiteral("type"), QStringLiteral("default"));
    x.raw().writeAttribute(kR, QStringLiteral("id"), QStringLiteral("rIdFooter"));
    if (paper.landscape)
        x.empty("pgSz", {{"w", QString::number(page.width)},
                         {"h", QString::number(page.height)},
                         {"orient", QStringLiteral("landscape")}});
    else
        x.empty("pgSz", {{"w", QString::number(page.width)}, {"h", QString::number(page.height)}});
    const QString m = QString::number(kMargin);
    x.empty("pgMar", {{"top", m},
                      {"right", m},
                      {"bottom", m},
                      {"left", m},
                      {"header", QStringLiteral("425")},
                      {"footer", QStringLiteral("425")},
                      {"gutter", QStringLiteral("0")}});
    x.end();
    x.end();
    x.end();
    x.finish();
    return out;
}

// A complex field as Word writes one: begin, instruction, separate, a shown value, end.
void field(Xml& x, const QString& instruction)
{
    x.start("r");
    x.empty("fldChar", {{"fldCharType", QStringLiteral("begin")}});
    x.end();
    x.start("r");
    x.start("instrText");
    x.raw().writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
    x.raw().writeCharacters(QLatin1Char(' ') + instruction + QLatin1Char(' '));
    x.end();
    x.end();
    x.start("r");
    x.empty("fldChar", {{"fldCharType", QStringLiteral("separate")}});
    x.end();
    x.run(QStringLiteral("1"), false);
    x.start("r");
    x.empty("fldChar", {{"fldCharType", QStringLiteral("end")}});
    x.end();
}

QByteArray footerXml(const Paper& paper, const Page& page)
{
    QByteArray out;
    Xml x(&out);
    x.raw().writeNamespace(kW, QStringLiteral("w"));
    x.start("ftr");
    x.start("p");
    x.start("pPr");
    x.val("pStyle", QStringLiteral("Footer"));
    x.start("tabs");
    x.empty("tab", {{"val", QStringLiteral("right")}, {"pos", QString::number(page.textWidth())}});
    x.end();
    x.end();
    if (!paper.footer.isEmpty())
        x.run(paper.footer, false);
    x.run(QStringLiteral("\t"), false);
    // "Page %1 of %2", translated as a whole, with the numbers as fields Word fills in.
    const QString pattern = tr("Page %1 of %2");
    int from = 0;
    while (from < pattern.size()) {
        const int at = pattern.indexOf(QLatin1Char('%'), from);
        const bool isField =
            at >= 0 && at + 1 < pattern.size() &&
            (pattern.at(at + 1) == QLatin1Char('1') || pattern.at(at + 1) == QLatin1Char('2'));
        if (!isField) {
            x.run(pattern.mid(from), false);
            break;
        }
        if (at > from)
            x.run(pattern.mid(from, at - from), false);
        field(x,
              pattern.at(at + 1) == QLatin1Char('1') ? QStringLiteral("PAGE") : QStringLiteral("NUMPAGES"));
        from = at + 2;
    }
    x.end();
    x.end();
    x.finish();
    return out;
}

const char kXmlDeclaration[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

QByteArray stylesXml()
{
    struct Style
    {
        const char* id;
        const char* name;
        int halfPoints;
        const char* run; // bold, italic, colour
        int before;
        int after;
        int outline; // -1: not a heading
    };
    const char* blue = "<w:b/><w:color w:val=\"1F3864\"/>";
    const Style styles[] = {
        {"Organisation", "Organisation", 21, blue, 0, 40, -1},
        {"Title", "Title", 34, blue, 0, 60, -1},
        {"Subtitle", "Subtitle", 23, "<w:color w:val=\"404040\"/>", 0, 160, -1},
        {"Heading1", "heading 1", 25, blue, 280, 60, 0},
        {"Heading2", "heading 2", 22, blue, 200, 40, 1},
        {"Note", "Note", 19, "<w:i/>", 0, 60, -1},
        {"Fact", "Fact", 19, "", 0, 0, -1},
        {"TableText", "Table Text", 18, "", 0, 40, -1},
        {"Footer", "footer", 15, "<w:color w:val=\"404040\"/>", 0, 0, -1},
    };
    QString xml =
        QLatin1String(kXmlDeclaration) +
        QStringLiteral("<w:styles xmlns:w=\"%1\"><w:docDefaults><w:rPrDefault><w:rPr>"
                       "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
                       "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/><w:lang w:val=\"en-GB\"/>"
                       "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
                       "<w:spacing w:after=\"100\" w:line=\"252\" w:lineRule=\"auto\"/>"
                       "</w:pPr></w:pPrDefault></w:docDefaults>"
                       "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
                       "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>")
            .arg(kW);
    for (const Style& s : styles) {
        const bool heading = s.outline >= 0;
        xml +=
            QStringLiteral("<w:style w:type=\"paragraph\" w:styleId=\"%1\"><w:name w:val=\"%2\"/>"
                           "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>%3"
                           "<w:spacing w:before=\"%4\" w:after=\"%5\" w:line=\"240\" w:lineRule=\"auto\"/>%6"
                           "</w:pPr><w:rPr>%7<w:sz w:val=\"%8\"/><w:szCs w:val=\"%8\"/></w:rPr></w:style>")
                .arg(QLatin1String(s.id), QLatin1String(s.name),
                     heading ? QStringLiteral("<w:keepNext/>") : QString(), QString::number(s.before),
                     QString::number(s.after),
                     heading ? QStringLiteral("<w:outlineLvl w:val=\"%1\"/>").arg(s.outline) : QString(),
                     QLatin1String(s.run), QString::number(s.halfPoints));
    }
    return (xml + QStringLiteral("</w:styles>")).toUtf8();
}

// The package's fixed parts.
const char kContentTypes[] =
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>";
const char kPackageRelationships[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Target=\"word/document.xml\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\"/>"
    "<Relationship Id=\"rId2\" Target=\"docProps/core.xml\" "
    "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\"/>"
    "<Relationship Id=\"rId3\" Target=\"docProps/app.xml\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\"/>"
    "</Relationships>";
const char kDocumentRelationships[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rIdStyles\" Target=\"styles.xml\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\"/>"
    "<Relationship Id=\"rIdSettings\" Target=\"settings.xml\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\"/>"
    "<Relationship Id=\"rIdFooter\" Target=\"footer1.xml\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\"/>"
    "</Relationships>";
// Word's current layout rules (compatibility mode 15), so it does not open the file in compatibility mode.
const char kSettings[] =
    "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:defaultTabStop w:val=\"720\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";
const char kApp[] =
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
    "<Application>Review Tracker</Application></Properties>";

QByteArray coreXml(const Paper& paper)
{
    return QByteArray(kXmlDeclaration) +
           QStringLiteral(
               "<cp:coreProperties "
               "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
               "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>%1</dc:title>"
               "<dc:creator>Review Tracker</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">%2"
               "</dcterms:created></cp:coreProperties>")
               .arg(paperlayout::xmlSafe(paper.title).toHtmlEscaped(),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
               .toUtf8();
}

} // namespace

bool DocxPaperWriter::write(const Paper& paper, QIODevice* device)
{
    const QString what = paperformat::label(PaperFormat::Docx);
    QString problem = paperlayout::deviceProblem(device, what);
    if (problem.isEmpty())
        problem = paperlayout::checkTables(paper);
    if (!problem.isEmpty())
        return fail(problem);

    const Page page = paper.landscape ? Page{kLongSide, kShortSide} : Page{kShortSide, kLongSide};
    const QByteArray declaration(kXmlDeclaration);
    const QVector<QPair<QString, QByteArray>> parts = {
        {QStringLiteral("[Content_Types].xml"), declaration + kContentTypes},
        {QStringLiteral("_rels/.rels"), declaration + kPackageRelationships},
        {QStringLiteral("word/_rels/document.xml.rels"), declaration + kDocumentRelationships},
        {QStringLiteral("word/document.xml"), documentXml(paper, page)},
        {QStringLiteral("word/styles.xml"), stylesXml()},
        {QStringLiteral("word/settings.xml"), declaration + kSettings},
        {QStringLiteral("word/footer1.xml"), footerXml(paper, page)},
        {QStringLiteral("docProps/core.xml"), coreXml(paper)},
        {QStringLiteral("docProps/app.xml"), declaration + kApp},
    };

    // The package is made in memory and written in one checked step.
    QByteArray bytes;
    ZipWriter zip;
    for (const auto& part : parts) {
        if (!zip.add(part.first, part.second))
            return fail(tr("Cannot write the %1: %2").arg(what, zip.errorString()));
    }
    if (!zip.finish(&bytes))
        return fail(tr("Cannot write the %1: %2").arg(what, zip.errorString()));
    problem = paperlayout::writeAll(device, bytes, what);
    if (!problem.isEmpty())
        return fail(problem);
    return true;
}

} // namespace rt
