#include "UndoHistory.h"

#include "db/Database.h"
#include "db/HistoryReplay.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace rt {

namespace {

// One committed change. Its first redo() is the change already made; later
// ones replay it. A replay the database refuses leaves the command obsolete,
// so the stack drops it rather than pretending it happened.
class ReplayCommand : public QUndoCommand
{
public:
    ReplayCommand(UndoHistory* owner, QVector<SqliteSession::Range> ranges, const HistoryReplay::Step& step)
        : m_owner(owner), m_ranges(std::move(ranges)), m_single(step.single)
    {
        setText(step.text);
    }

    int id() const override { return m_single.id != 0 ? 0x5254 : -1; }

    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* o = static_cast<const ReplayCommand*>(other);
        if (o->m_single.id == 0 || o->m_single.entity != m_single.entity || o->m_single.id != m_single.id ||
            o->m_single.field != m_single.field)
            return false;
        m_ranges += o->m_ranges;
        return true;
    }

    void undo() override
    {
        if (!m_owner->replay(m_ranges, false))
            setObsolete(true);
    }

    void redo() override
    {
        if (m_done && !m_owner->replay(m_ranges, true))
            setObsolete(true);
        m_done = true;
    }

private:
    UndoHistory* m_owner;
    QVector<SqliteSession::Range> m_ranges;
    HistoryReplay::Single m_single;
    bool m_done = false;
};

} // namespace

UndoHistory::UndoHistory(Database& db, QObject* parent)
    : QObject(parent), m_db(db), m_stack(new QUndoStack(this))
{
    if (m_db.session()) {
        m_db.session()->takeCommitted(); // what opening the file did is not an edit
        connect(m_db.session(), &SqliteSession::committed, this, &UndoHistory::collect);
    }
}

UndoHistory::~UndoHistory() = default;

void UndoHistory::collect()
{
    if (!m_db.session() || m_replaying)
        return;
    const QVector<SqliteSession::Range> ranges = m_db.session()->takeCommitted();
    HistoryReplay replay(m_db.connection());
    for (const SqliteSession::Range& r : ranges) {
        m_stack->push(new ReplayCommand(this, {r}, replay.summarise({r})));
    }
}

bool UndoHistory::replay(const QVector<SqliteSession::Range>& ranges, bool forward)
{
    // Anything committed before this was queued as a step before the key
    // press that asked for the undo, so the stack is already up to date.
    m_replaying = true;
    HistoryReplay replay(m_db.connection());
    const bool ok = forward ? replay.redo(ranges) : replay.undo(ranges);
    // The replay's own history rows are not a new step.
    if (m_db.session())
        m_db.session()->takeCommitted();
    m_replaying = false;
    if (ok)
        emit replayed();
    else
        emit refused(replay.errorString());
    return ok;
}

} // namespace rt
