import Foundation

/// A bounded FIFO between the walker thread and the scan workers.
///
/// One mutex and two condition variables (not empty, not full), signalled only when a
/// thread waits on them: on a refresh of an unchanged tree a hundred thousand files pass
/// through in well under a second, and a wake-up per element would cost more than the
/// elements' work.
final class BlockingQueue<Element>: @unchecked Sendable {
    // @unchecked Sendable: every access to the stored state holds `mutex`.
    /// Taken elements are set to nil (moved out), so dropping the taken prefix is cheap.
    private var items: [Element?] = []
    private var head = 0
    private var closed = false
    private let capacity: Int
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let notEmpty = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let notFull = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var waitingConsumers = 0, waitingProducers = 0

    init(capacity: Int) {
        self.capacity = capacity
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(notEmpty, nil)
        pthread_cond_init(notFull, nil)
    }

    deinit {
        pthread_cond_destroy(notFull)
        pthread_cond_destroy(notEmpty)
        pthread_mutex_destroy(mutex)
        notFull.deallocate()
        notEmpty.deallocate()
        mutex.deallocate()
    }

    /// Adds several elements at once (one wake-up), waiting while the queue is full.
    func push(contentsOf elements: [Element]) {
        guard !elements.isEmpty else { return }
        pthread_mutex_lock(mutex)
        while items.count - head >= capacity {
            waitingProducers += 1
            pthread_cond_wait(notFull, mutex)
            waitingProducers -= 1
        }
        items.append(contentsOf: elements.lazy.map { Optional($0) })
        if waitingConsumers > 1 && elements.count > 1 { pthread_cond_broadcast(notEmpty) }
        else if waitingConsumers > 0 { pthread_cond_signal(notEmpty) }
        pthread_mutex_unlock(mutex)
    }

    /// No more elements will come.
    func close() {
        pthread_mutex_lock(mutex)
        closed = true
        pthread_cond_broadcast(notEmpty)
        pthread_cond_broadcast(notFull)
        pthread_mutex_unlock(mutex)
    }

    /// The next elements: at least one, then more while fewer than `maxCount` are taken and
    /// their `weight` stays within `maxWeight`; empty once closed and drained.
    func pop(maxCount: Int, maxWeight: UInt64, weight: (Element) -> UInt64) -> [Element] {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while head == items.count && !closed {
            waitingConsumers += 1
            pthread_cond_wait(notEmpty, mutex)
            waitingConsumers -= 1
        }
        var out: [Element] = []
        var total: UInt64 = 0
        while head < items.count && out.count < maxCount {
            let w = weight(items[head]!)
            if !out.isEmpty && total + w > maxWeight { break }
            total += w
            out.append(items[head]!)
            items[head] = nil
            head += 1
        }
        if head > 4096 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        if waitingProducers > 0 && !out.isEmpty { pthread_cond_signal(notFull) }
        return out
    }

}
