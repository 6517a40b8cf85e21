using Gateway.Features.Messages.Resilience;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>The Gateway's circuit breaker keeps the semantics of the Polly one it replaced.</summary>
public sealed class UpstreamCircuitTests
{
    private static readonly CircuitBreakerOptions Options = new()
    {
        FailureRatio = 0.5,
        MinimumThroughput = 4,
        SamplingDurationMilliseconds = 10_000,
        BreakDurationMilliseconds = 1_000,
    };

    private readonly StillClock _clock = new();
    private readonly Observer _observer = new();

    [Fact]
    public void Opens_once_enough_attempts_failed_often_enough_and_refuses_until_the_break_is_over()
    {
        var circuit = new UpstreamCircuit(Options, _clock, _observer);

        Pass(circuit, failed: false);
        Pass(circuit, failed: true);
        Pass(circuit, failed: false);
        Assert.Empty(_observer.Changes);

        // The fourth attempt reaches the minimum throughput with half of them failed.
        Pass(circuit, failed: true);

        Assert.Equal(["opened 1 s"], _observer.Changes);
        Assert.Equal(CircuitPass.Refused, circuit.TryPass());
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(CircuitPass.Refused, circuit.TryPass());
    }

    [Fact]
    public void Too_few_attempts_never_open_it_however_many_failed()
    {
        var circuit = new UpstreamCircuit(Options, _clock, _observer);

        Fail(circuit, times: 3);

        Assert.Empty(_observer.Changes);
        Assert.Equal(CircuitPass.Closed, circuit.TryPass());
    }

    [Fact]
    public void Failures_older_than_the_sampling_duration_no_longer_count()
    {
        var circuit = new UpstreamCircuit(Options, _clock, _observer);
        Fail(circuit, times: 3);

        _clock.Advance(TimeSpan.FromSeconds(11));
        Pass(circuit, failed: true);

        Assert.Empty(_observer.Changes);
    }

    [Fact]
    public void After_the_break_one_probe_goes_through_and_its_success_closes_the_circuit()
    {
        var circuit = Opened();
        _clock.Advance(TimeSpan.FromSeconds(1));

        var probe = circuit.TryPass();
        Assert.Equal(CircuitPass.Probe, probe);
        Assert.Equal(CircuitPass.Refused, circuit.TryPass());
        circuit.Report(probe, failed: false);

        Assert.Equal(["opened 1 s", "half-opened", "closed"], _observer.Changes);
        Assert.Equal(CircuitPass.Closed, circuit.TryPass());
        // Closing starts the count afresh: one more failure is not enough to open it again.
        Pass(circuit, failed: true);
        Assert.Equal(CircuitPass.Closed, circuit.TryPass());
    }

    [Fact]
    public void A_failed_probe_opens_the_circuit_for_another_break()
    {
        var circuit = Opened();
        _clock.Advance(TimeSpan.FromSeconds(1));

        circuit.Report(circuit.TryPass(), failed: true);

        Assert.Equal(["opened 1 s", "half-opened", "opened 1 s"], _observer.Changes);
        Assert.Equal(CircuitPass.Refused, circuit.TryPass());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(CircuitPass.Probe, circuit.TryPass());
    }

    [Fact]
    public void An_abandoned_probe_hands_the_probe_to_the_next_attempt()
    {
        var circuit = Opened();
        _clock.Advance(TimeSpan.FromSeconds(1));

        circuit.Abandon(circuit.TryPass());

        Assert.Equal(CircuitPass.Probe, circuit.TryPass());
    }

    private UpstreamCircuit Opened()
    {
        var circuit = new UpstreamCircuit(Options, _clock, _observer);
        Fail(circuit, times: 4);

        Assert.Equal(CircuitPass.Refused, circuit.TryPass());
        return circuit;
    }

    private static void Fail(UpstreamCircuit circuit, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Pass(circuit, failed: true);
        }
    }

    private static void Pass(UpstreamCircuit circuit, bool failed)
    {
        var pass = circuit.TryPass();
        Assert.Equal(CircuitPass.Closed, pass);
        circuit.Report(pass, failed);
    }

    private sealed class Observer : ICircuitObserver
    {
        public List<string> Changes { get; } = [];

        public void Opened(TimeSpan breakDuration) => Changes.Add($"opened {breakDuration.TotalSeconds} s");

        public void HalfOpened() => Changes.Add("half-opened");

        public void Closed() => Changes.Add("closed");
    }
}
