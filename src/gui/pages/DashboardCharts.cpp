#include "DashboardCharts.h"

#include <QCoreApplication>
#include <QLocale>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>

namespace rt::DashboardCharts {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::DashboardCharts", text);
}

QChart* newChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    QFont f = chart->titleFont();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    f.setBold(true);
    chart->setTitleFont(f);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(4);
    return chart;
}

// Category labels a little smaller than the body text, so that a bar's label
// fits its bar's height rather than being cut to "…".
void useCompactLabels(QAbstractAxis* axis)
{
    QFont f = axis->labelsFont();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    axis->setLabelsFont(f);
}

// Category labels carry the figures too, so the numbers sit beside the bars.
QString elided(const QString& s, int max)
{
    return s.size() <= max ? s : s.left(max - 1) + QChar(0x2026);
}

} // namespace

QChart* ragByAgency(const QVector<DashboardGroup>& agencies, int maxBars)
{
    QChart* chart = newChart(tr("Open actions by agency and RAG rating"));
    const int n = qMin<int>(maxBars, agencies.size());
    struct Band
    {
        const char* name;
        QColor colour;
        int DashboardGroup::*count;
    };
    const Band bands[] = {
        {QT_TRANSLATE_NOOP("rt::DashboardCharts", "Red"), QColor(0xc6, 0x28, 0x28), &DashboardGroup::red},
        {QT_TRANSLATE_NOOP("rt::DashboardCharts", "Amber"), QColor(0xf2, 0xa9, 0x00), &DashboardGroup::amber},
        {QT_TRANSLATE_NOOP("rt::DashboardCharts", "Green"), QColor(0x2e, 0x7d, 0x32), &DashboardGroup::green},
        {QT_TRANSLATE_NOOP("rt::DashboardCharts", "Blue"), QColor(0x1f, 0x5f, 0xa8), &DashboardGroup::blue},
        {QT_TRANSLATE_NOOP("rt::DashboardCharts", "Not rated"), QColor(0xb8, 0xbf, 0xc6),
         &DashboardGroup::unrated}};
    auto* series = new QHorizontalStackedBarSeries;
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    QStringList categories;
    int widest = 0;
    // Bars run top to bottom worst first: the axis draws its first category lowest.
    for (int i = n - 1; i >= 0; --i) {
        const DashboardGroup& g = agencies.at(i);
        const QString name = g.shortName.isEmpty() ? elided(g.name, 28) : g.shortName;
        categories << tr("%1 · %2 open, %3 overdue").arg(name, uk.toString(g.open), uk.toString(g.overdue));
        widest = qMax(widest, g.open);
    }
    // The legend carries the whole RAG distribution of open actions, every
    // agency included, not only the bars shown.
    for (const Band& band : bands) {
        int total = 0;
        for (const DashboardGroup& g : agencies)
            total += g.*band.count;
        auto* set = new QBarSet(tr("%1 %2").arg(tr(band.name), uk.toString(total)));
        set->setColor(band.colour);
        set->setBorderColor(band.colour);
        for (int i = n - 1; i >= 0; --i)
            *set << agencies.at(i).*band.count;
        series->append(set);
    }
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto* axisY = new QBarCategoryAxis;
    axisY->append(categories);
    useCompactLabels(axisY);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto* axisX = new QValueAxis;
    axisX->setRange(0, qMax(1, widest));
    axisX->setLabelFormat(QStringLiteral("%d"));
    axisX->setTickCount(qMin(6, qMax(2, widest + 1)));
    axisX->applyNiceNumbers(); // 0, 2, 4 … rather than 0, 2.4, 4.8
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (n < agencies.size())
        chart->setTitle(tr("Open actions by agency and RAG rating (the %1 with most overdue of %2)")
                            .arg(n)
                            .arg(agencies.size()));
    return chart;
}

QChart* completionByReview(const QVector<DashboardReview>& reviews, int maxBars)
{
    QChart* chart = newChart(tr("Recommendations complete, by review"));
    QVector<DashboardReview> shown;
    for (const DashboardReview& r : reviews) {
        if (r.completePct >= 0 && r.open > 0)
            shown.append(r);
    }
    // The reviews most behind first: most overdue, then least complete.
    std::stable_sort(shown.begin(), shown.end(), [](const DashboardReview& a, const DashboardReview& b) {
        if (a.overdue != b.overdue)
            return a.overdue > b.overdue;
        return a.completePct < b.completePct;
    });
    const int total = shown.size();
    shown.resize(qMin(maxBars, total));
    auto* set = new QBarSet(tr("Complete (%)"));
    set->setColor(QColor(0x2e, 0x7d, 0x32));
    set->setBorderColor(QColor(0x2e, 0x7d, 0x32));
    set->setLabelColor(Qt::black);
    QStringList categories;
    for (int i = shown.size() - 1; i >= 0; --i) {
        const DashboardReview& r = shown.at(i);
        categories << tr("%1 · %2 of %3 (%4 %)")
                          .arg(elided(r.title, 30))
                          .arg(r.recommendationsComplete)
                          .arg(r.recommendations)
                          .arg(qRound(r.completePct));
        *set << r.completePct;
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.6);
    chart->addSeries(series);
    auto* axisY = new QBarCategoryAxis;
    axisY->append(categories);
    useCompactLabels(axisY);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto* axisX = new QValueAxis;
    axisX->setRange(0, 100);
    axisX->setLabelFormat(QStringLiteral("%d %%"));
    axisX->setTickCount(6);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    chart->legend()->hide();
    if (total > shown.size())
        chart->setTitle(
            tr("Recommendations complete: the %1 reviews with most overdue, of %2 with open actions")
                .arg(shown.size())
                .arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(total)));
    return chart;
}

} // namespace rt::DashboardCharts
