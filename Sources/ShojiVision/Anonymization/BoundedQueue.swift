import Foundation

/// A blocking first-in-first-out queue with a fixed capacity, for handing frames between pipeline threads.
///
/// `put` blocks while the queue is full (back-pressure: a fast decoder never runs ahead of the detector by more
/// than `capacity` frames), `take` blocks while it is empty. After `close()`, `put` refuses and `take` drains
/// what is left, then returns nil. Safe to use from any number of threads.
package final class BoundedQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private var closed = false
    private let capacity: Int

    /// A queue that holds at most `capacity` elements.
    package init(capacity: Int) {
        precondition(capacity > 0, "a bounded queue needs room for one element")
        self.capacity = capacity
    }

    /// Appends an element, waiting for room. Returns false (dropping the element) when the queue is closed.
    @discardableResult
    package func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity, !closed { condition.wait() }
        guard !closed else { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// Appends an element only if there is room now; returns false (the caller drops the element and counts
    /// it) when the queue is full or closed. For live sources, which must never wait on a slow consumer.
    package func offer(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !closed, items.count - head < capacity else { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// Elements waiting now.
    package var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return items.count - head
    }

    /// Removes the oldest element, waiting for one. Nil once the queue is closed and empty.
    package func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count, !closed { condition.wait() }
        guard head < items.count else { return nil }
        let element = items[head]
        head += 1
        if head > 64, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return element
    }

    /// Ends the queue: wakes every waiter; later `put`s fail, `take`s drain the rest.
    package func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
