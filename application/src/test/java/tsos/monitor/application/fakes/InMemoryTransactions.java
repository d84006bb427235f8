package tsos.monitor.application.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tsos.monitor.domain.port.Transactions;

/**
 * All or nothing in memory: the stores taking part are checkpointed when a transaction opens and restored if the
 * work throws. Stores ask {@link #requireOpen()} before writing, so a write outside a transaction fails the test.
 */
public final class InMemoryTransactions implements Transactions {

    /** A store that can take part: it gives back how to undo everything written after the checkpoint. */
    public interface Participant {
        Runnable checkpoint();
    }

    private final List<Participant> participants = new ArrayList<>();
    private boolean open;
    private int opened;
    private int committed;
    private int rolledBack;

    public void enlist(Participant participant) {
        participants.add(participant);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (open) {
            throw new IllegalStateException("transactions do not nest");
        }
        List<Runnable> rollbacks = participants.stream().map(Participant::checkpoint).toList();
        open = true;
        opened++;
        try {
            T result = work.get();
            committed++;
            return result;
        } catch (RuntimeException | Error e) {
            rollbacks.forEach(Runnable::run);
            rolledBack++;
            throw e;
        } finally {
            open = false;
        }
    }

    public void requireOpen() {
        if (!open) {
            throw new IllegalStateException("a write outside a transaction");
        }
    }

    public int opened() {
        return opened;
    }

    public int committed() {
        return committed;
    }

    public int rolledBack() {
        return rolledBack;
    }
}
