#pragma once

#include "FilterBar.h"

#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QVariant>
#include <QWidgetAction>

namespace rt {

// A drop-down of checkable choices: several may be ticked, and the menu stays
// open while they are. Long lists (10,000 reviews) get a search box.
class ChoiceButton : public QToolButton
{
public:
    // Lists longer than this get a search box above them.
    static constexpr int kSearchableFrom = 12;

    ChoiceButton(const QString& title, const QString& name, QWidget* parent = nullptr)
        : QToolButton(parent), m_title(title)
    {
        setObjectName(name);
        setPopupMode(QToolButton::InstantPopup);
        setToolButtonStyle(Qt::ToolButtonTextOnly);
        auto* menu = new QMenu(this);
        auto* panel = new QWidget;
        auto* layout = new QVBoxLayout(panel);
        layout->setContentsMargins(6, 6, 6, 6);
        layout->setSpacing(4);
        m_search = new QLineEdit;
        m_search->setClearButtonEnabled(true);
        m_search->setPlaceholderText(FilterBar::tr("Find in the list"));
        m_list = new QListWidget;
        m_list->setUniformItemSizes(true); // 10,000 reviews lay out at once
        m_list->setMinimumWidth(300);
        auto* clear = new QPushButton(FilterBar::tr("Clear this choice"));
        clear->setAutoDefault(false);
        layout->addWidget(m_search);
        layout->addWidget(m_list, 1);
        layout->addWidget(clear, 0, Qt::AlignRight);
        auto* action = new QWidgetAction(menu);
        action->setDefaultWidget(panel);
        menu->addAction(action);
        setMenu(menu);

        // While the list is filled or set (m_silent), each item's change would
        // re-read the whole list: 10,000 reviews made that 10,000² steps.
        // setItems and setValues update the text once at the end instead.
        connect(m_list, &QListWidget::itemChanged, this, [this] {
            if (m_silent)
                return;
            updateText();
            if (onChanged)
                onChanged();
        });
        // Enter or Space ticks the current row, as in a menu.
        connect(m_list, &QListWidget::itemActivated, this, [](QListWidgetItem* item) {
            item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        });
        connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
            for (int i = 0; i < m_list->count(); ++i) {
                QListWidgetItem* item = m_list->item(i);
                item->setHidden(!text.isEmpty() && !item->text().contains(text, Qt::CaseInsensitive));
            }
        });
        connect(clear, &QPushButton::clicked, this, [this] {
            if (values().isEmpty())
                return;
            setValues({});
            if (onChanged)
                onChanged();
        });
        connect(menu, &QMenu::aboutToShow, this, [this] {
            QWidget* first = m_search->isVisible() ? static_cast<QWidget*>(m_search) : m_list;
            QTimer::singleShot(0, first, [first] { first->setFocus(Qt::PopupFocusReason); });
        });
        updateText();
    }

    void setItems(const QVector<QPair<QString, QVariant>>& items)
    {
        const QVariantList kept = values();
        m_silent = true;
        m_list->clear();
        for (const auto& [label, value] : items) {
            auto* item = new QListWidgetItem(label, m_list);
            item->setData(Qt::UserRole, value);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(Qt::Unchecked);
        }
        m_search->setVisible(items.size() >= kSearchableFrom);
        const int rows = qMin<int>(qMax<int>(items.size(), 1), 14);
        m_list->setFixedHeight(rows * m_list->fontMetrics().height() * 3 / 2 + 2 * m_list->frameWidth() + 4);
        m_silent = false;
        setValues(kept);
    }

    QVariantList values() const
    {
        QVariantList out;
        for (int i = 0; i < m_list->count(); ++i) {
            if (m_list->item(i)->checkState() == Qt::Checked)
                out << m_list->item(i)->data(Qt::UserRole);
        }
        return out;
    }

    // Ticks exactly these; a value no longer in the file (a deleted review,
    // a renamed owner) is listed as such, so it can be seen and unticked.
    void setValues(const QVariantList& wanted)
    {
        m_silent = true;
        QVariantList missing = wanted;
        for (int i = 0; i < m_list->count(); ++i) {
            QListWidgetItem* item = m_list->item(i);
            const bool on = wanted.contains(item->data(Qt::UserRole));
            missing.removeAll(item->data(Qt::UserRole));
            item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        }
        for (const QVariant& v : missing) {
            auto* item =
                new QListWidgetItem(FilterBar::tr("%1 (not in this file)").arg(v.toString()), m_list);
            item->setData(Qt::UserRole, v);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(Qt::Checked);
        }
        m_silent = false;
        updateText();
    }

    // The ticked choices' labels, in list order.
    QStringList labels() const
    {
        QStringList out;
        for (int i = 0; i < m_list->count(); ++i) {
            if (m_list->item(i)->checkState() == Qt::Checked)
                out << m_list->item(i)->text();
        }
        return out;
    }

    QListWidget* list() const { return m_list; }

    std::function<void()> onChanged;

private:
    void updateText()
    {
        const QStringList chosen = labels();
        QString text = m_title;
        if (chosen.size() == 1)
            text = FilterBar::tr("%1: %2").arg(m_title, chosen.first());
        else if (chosen.size() > 1)
            text = FilterBar::tr("%1: %2 chosen").arg(m_title).arg(chosen.size());
        setText(fontMetrics().elidedText(text, Qt::ElideRight, 200));
        setToolTip(chosen.isEmpty() ? FilterBar::tr("Any %1").arg(m_title.toLower())
                                    : chosen.join(QLatin1Char('\n')));
        QFont f = font();
        f.setBold(!chosen.isEmpty());
        setFont(f);
    }

    QString m_title;
    QLineEdit* m_search = nullptr;
    QListWidget* m_list = nullptr;
    bool m_silent = false;
};

} // namespace rt
