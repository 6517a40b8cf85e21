namespace Dashboard.Bench;

/// <summary>The dashboard's last lines of output, shown if it fails to start.</summary>
internal sealed class DashboardOutput
{
    private const int MaxLines = 40;
    private readonly Queue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return string.Join('\n', _lines);
        }
    }
}
