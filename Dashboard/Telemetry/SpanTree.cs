using Dashboard.Telemetry.Model;

namespace Dashboard.Telemetry;

/// <summary>Orders a trace's spans for a waterfall: depth-first from the roots, children by start time.</summary>
internal static class SpanTree
{
    public static IReadOnlyList<(SpanRecord Span, int Depth)> Order(IReadOnlyList<SpanRecord> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var children = spans
            .Where(s => !s.ParentSpanId.IsEmpty && ids.Contains(s.ParentSpanId))
            .GroupBy(s => s.ParentSpanId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Start).ToList());

        // A span whose parent has not arrived (or was evicted) is shown as a root rather than lost.
        var roots = spans.Where(s => s.ParentSpanId.IsEmpty || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.Start);
        var ordered = new List<(SpanRecord, int)>(spans.Count);
        var visited = new HashSet<SpanId>();
        var stack = new Stack<(SpanRecord Span, int Depth)>();
        foreach (var root in roots.Reverse())
        {
            stack.Push((root, 0));
        }

        while (stack.Count > 0)
        {
            var (span, depth) = stack.Pop();
            if (!visited.Add(span.SpanId))
            {
                continue; // a duplicate span id or a cycle: show each span once
            }

            ordered.Add((span, depth));
            if (children.TryGetValue(span.SpanId, out var kids))
            {
                for (var i = kids.Count - 1; i >= 0; i--)
                {
                    stack.Push((kids[i], depth + 1));
                }
            }
        }

        // Spans only reachable through a cycle.
        ordered.AddRange(spans.Where(s => !visited.Contains(s.SpanId)).Select(s => (s, 0)));
        return ordered;
    }
}
