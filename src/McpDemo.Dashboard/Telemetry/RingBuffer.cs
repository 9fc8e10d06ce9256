namespace McpDemo.Dashboard.Telemetry;

/// <summary>
/// A thread-safe, fixed-capacity buffer that drops the oldest item when full, so a long run holds a
/// bounded amount of telemetry however much is sent.
/// </summary>
internal sealed class RingBuffer<T>
{
    private readonly T[] _items;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public void AddRange(IEnumerable<T> items)
    {
        lock (_lock)
        {
            foreach (var item in items)
            {
                _items[_next] = item;
                _next = (_next + 1) % _items.Length;
                _count = Math.Min(_count + 1, _items.Length);
            }
        }
    }

    /// <summary>A copy of the contents, oldest first, that readers can walk without holding the lock.</summary>
    public T[] Snapshot()
    {
        lock (_lock)
        {
            var copy = new T[_count];
            var oldest = (_next - _count + _items.Length) % _items.Length;
            for (var i = 0; i < _count; i++)
            {
                copy[i] = _items[(oldest + i) % _items.Length];
            }
            return copy;
        }
    }
}
