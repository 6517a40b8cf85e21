namespace Dashboard.Telemetry;

/// <summary>A fixed-capacity buffer that overwrites its oldest item: memory stays flat whatever arrives.</summary>
internal sealed class Ring<T>(int capacity)
{
    private readonly T[] _items = new T[capacity];
    private int _start;

    public int Count { get; private set; }

    public int Capacity => _items.Length;

    /// <summary>Adds an item; true when the oldest one had to go.</summary>
    public bool Add(T item)
    {
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = item;
            Count++;
            return false;
        }

        _items[_start] = item;
        _start = (_start + 1) % _items.Length;
        return true;
    }

    /// <summary>The item at <paramref name="index"/>, 0 being the oldest.</summary>
    public T this[int index] => _items[(_start + index) % _items.Length];

    public T Last => this[Count - 1];

    public void Clear()
    {
        Array.Clear(_items);
        _start = 0;
        Count = 0;
    }
}
