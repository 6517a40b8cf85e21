namespace Gateway.Features.Messages.Resilience;

/// <summary>
/// The circuit breaker of one upstream, with Polly's semantics (which the Gateway used before). Closed: attempts go
/// through and their outcomes are counted over the sampling duration, in ten rolling windows; a failure that leaves
/// at least MinimumThroughput attempts counted, FailureRatio of them failed, opens it. Open: attempts are refused,
/// the upstream is not called, for BreakDuration. Then the next attempt goes through as a probe (half-open) while
/// any other is refused: its success closes the circuit, its failure opens it again.
/// </summary>
internal sealed class UpstreamCircuit(CircuitBreakerOptions options, TimeProvider time, ICircuitObserver observer)
{
    private const int WindowCount = 10;

    private readonly Lock _lock = new();
    private readonly Window[] _windows = new Window[WindowCount];
    private readonly long _windowTicks = Math.Max(1, options.SamplingDurationMilliseconds * time.TimestampFrequency / 1000 / WindowCount);
    private readonly long _breakTicks = options.BreakDurationMilliseconds * time.TimestampFrequency / 1000;
    private CircuitState _state = CircuitState.Closed;
    private long _openUntil;
    private bool _probing;

    /// <summary>Whether an attempt may call the upstream now: as a counted attempt, as the half-open probe, or not at all.</summary>
    public CircuitPass TryPass()
    {
        var halfOpened = false;
        CircuitPass pass;
        lock (_lock)
        {
            if (_state == CircuitState.Open && time.GetTimestamp() >= _openUntil)
            {
                _state = CircuitState.HalfOpen;
                halfOpened = true;
            }

            pass = _state switch
            {
                CircuitState.Closed => CircuitPass.Closed,
                CircuitState.HalfOpen when !_probing => CircuitPass.Probe,
                _ => CircuitPass.Refused,
            };
            _probing |= pass == CircuitPass.Probe;
        }

        if (halfOpened)
        {
            observer.HalfOpened();
        }

        return pass;
    }

    /// <summary>How an attempt that <see cref="TryPass"/> let through ended: <paramref name="failed"/> if the upstream failed it.</summary>
    public void Report(CircuitPass pass, bool failed)
    {
        CircuitState? changed = null;
        lock (_lock)
        {
            if (pass == CircuitPass.Probe)
            {
                _probing = false;
                changed = failed ? Open() : Close();
            }
            else if (_state == CircuitState.Closed)
            {
                var (attempts, failures) = Count(failed, time.GetTimestamp());
                if (failed && attempts >= options.MinimumThroughput && failures >= options.FailureRatio * attempts)
                {
                    changed = Open();
                }
            }
        }

        Notify(changed);
    }

    /// <summary>An attempt ended with no outcome to judge (the client left): a probe's turn passes to the next attempt.</summary>
    public void Abandon(CircuitPass pass)
    {
        if (pass == CircuitPass.Probe)
        {
            lock (_lock)
            {
                _probing = false;
            }
        }
    }

    private CircuitState Open()
    {
        _state = CircuitState.Open;
        _openUntil = time.GetTimestamp() + _breakTicks;
        return CircuitState.Open;
    }

    private CircuitState Close()
    {
        _state = CircuitState.Closed;
        Array.Clear(_windows);
        return CircuitState.Closed;
    }

    private void Notify(CircuitState? changed)
    {
        if (changed == CircuitState.Open)
        {
            observer.Opened(TimeSpan.FromMilliseconds(options.BreakDurationMilliseconds));
        }
        else if (changed == CircuitState.Closed)
        {
            observer.Closed();
        }
    }

    /// <returns>The attempts and failures of the sampling duration, this one included.</returns>
    private (long Attempts, long Failures) Count(bool failed, long now)
    {
        var index = now / _windowTicks;
        ref var current = ref _windows[index % WindowCount];
        if (current.Index != index)
        {
            current = new Window { Index = index };
        }

        current.Attempts++;
        current.Failures += failed ? 1 : 0;
        long attempts = 0, failures = 0;
        foreach (var window in _windows)
        {
            if (window.Index > index - WindowCount)
            {
                attempts += window.Attempts;
                failures += window.Failures;
            }
        }

        return (attempts, failures);
    }

    private struct Window
    {
        public long Index;
        public long Attempts;
        public long Failures;
    }

    private enum CircuitState
    {
        Closed,
        Open,
        HalfOpen,
    }
}

/// <summary>What <see cref="UpstreamCircuit.TryPass"/> decided for one attempt.</summary>
internal enum CircuitPass
{
    Refused,
    Closed,
    Probe,
}

/// <summary>Told when a circuit changes state (outside its lock).</summary>
internal interface ICircuitObserver
{
    void Opened(TimeSpan breakDuration);

    void HalfOpened();

    void Closed();
}
