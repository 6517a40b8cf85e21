namespace Hosting.Runtime;

/// <summary>The engine behind <see cref="DistributedApplication"/>: start in dependency order, stop in reverse.</summary>
internal sealed partial class Orchestrator
{
    public const string AppHostLogName = "apphost";
    private const int LogCapacity = 10_000;
    private const long LogFileLimit = 10 * 1024 * 1024;

    private readonly AppHostOptions _options;
    private readonly string _appHostId;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ResourceLog> _logs = new(StringComparer.Ordinal);
    private readonly Dictionary<Resource, ResourceRunner> _runners = [];
    private readonly TaskCompletionSource<DistributedApplicationException> _fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly PortReservations _reservations = new();
    private RunContext? _context;
    private StateDirectory? _state;
    private AppHostLock? _lock;
    private Task? _stop;

    public Orchestrator(IReadOnlyList<Resource> resources, AppHostOptions options, string appHostId, TimeProvider time)
    {
        Resources = resources;
        _options = options;
        _appHostId = appHostId;
        _time = time;
        _logs[AppHostLogName] = new ResourceLog(AppHostLogName, LogCapacity, time);
        foreach (var resource in resources)
        {
            _logs[resource.Name] = new ResourceLog(resource.Name, LogCapacity, time);
            Notifications.Publish(new ResourceSnapshot(resource.Name, resource.Kind, ResourceStateKind.NotStarted, null, 0, null, [], null, null));
        }
    }

    public IReadOnlyList<Resource> Resources { get; }

    public ResourceNotificationService Notifications { get; } = new();

    public IReadOnlyDictionary<string, ResourceLog> Logs => _logs;

    private ResourceLog AppHostLog => _logs[AppHostLogName];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StartRunnersAsync(cancellationToken);
            var allHealthy = Task.WhenAll(Resources.Select(r => Notifications.WaitForResourceHealthyAsync(r.Name, cancellationToken)));
            if (await Task.WhenAny(allHealthy, _fatal.Task) == _fatal.Task)
            {
                throw _fatal.Task.Result;
            }

            await allHealthy;
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    private async Task StartRunnersAsync(CancellationToken cancellationToken)
    {
        _state = StateDirectory.Open(_options.StateDirectory!);
        _lock = AppHostLock.Acquire(_state);
        AppHostLog.Write($"State directory: {_state.Root}");
        foreach (var parameter in Resources.OfType<ParameterResource>().Where(p => p.Generated && p.Value is null))
        {
            parameter.Value = _state.GetOrCreateSecret("parameter-" + parameter.Name);
        }
        foreach (var log in _logs.Values)
        {
            OpenLogFile(log, _state.LogFile(log.ResourceName));
        }

        var records = new ProcessRecords(_state, AppHostLog);
        var leftovers = await records.StopLeftoversAsync(_options.StopTimeout, cancellationToken);
        if (leftovers > 0)
        {
            AppHostLog.Write($"Stopped {leftovers} leftover process(es) of an earlier AppHost run that did not shut down.");
        }

        var ports = PortAllocator.Allocate(Resources, _options.UseDynamicPorts, _reservations);
        var endpointPorts = PortAllocator.AllocateAdditional(Resources, _options.UseDynamicPorts, _reservations);
        _context = new RunContext(_options, _state, ports, endpointPorts, _reservations);
        await WireDashboardAsync(_context, cancellationToken);
        var plans = await PlanFactory.CreateAsync(Resources, _context, _appHostId, AppHostLog, cancellationToken);
        lock (_gate)
        {
            foreach (var resource in Resources)
            {
                _runners[resource] = CreateRunner(resource, plans, records);
            }

            foreach (var (resource, runner) in _runners)
            {
                runner.Start(token => WaitForDependenciesAsync(resource, token), OnFatal);
            }
        }
    }

    /// <summary>Fails StartAsync while starting; afterwards the resource shows FailedToStart and the AppHost says why.</summary>
    private void OnFatal(DistributedApplicationException problem)
    {
        AppHostLog.Write(problem.Message, isError: true);
        _fatal.TrySetResult(problem);
    }

    private ResourceRunner CreateRunner(Resource resource, PlanFactory plans, ProcessRecords records) => resource switch
    {
        ProcessResource process => new ProcessRunner(
            process, plans.Create(process, _logs[resource.Name]), _context!, Notifications, _logs[resource.Name], records, _time),
        PostgresDatabaseResource database => new DatabaseRunner(database, _context!, Notifications),
        ParameterResource parameter => new ParameterRunner(parameter, Notifications),
        _ => throw new NotSupportedException(resource.GetType().Name),
    };

    private Task WaitForDependenciesAsync(Resource resource, CancellationToken cancellationToken) =>
        Task.WhenAll(resource.WaitsFor.Select(d => Notifications.WaitForResourceHealthyAsync(d.Name, cancellationToken)));

    public Task StopAsync()
    {
        lock (_gate)
        {
            return _stop ??= StopInOrderAsync();
        }
    }

    private async Task StopInOrderAsync()
    {
        var stops = new Dictionary<Resource, Task>();
        await Task.WhenAll(_runners.Keys.Select(StopOf));
        await StopResourceServiceAsync();
        _reservations.Dispose(); // ports of resources that never started
        foreach (var log in _logs.Values)
        {
            log.Close();
        }

        _lock?.Dispose();

        Task StopOf(Resource resource) => stops.TryGetValue(resource, out var stop) ? stop : stops[resource] = StopAfterDependentsAsync(resource);

        async Task StopAfterDependentsAsync(Resource resource)
        {
            var dependents = _runners.Keys.Where(r => DependencyGraph.DependenciesOf(r).Contains(resource)).Select(StopOf).ToList();
            await Task.WhenAll(dependents);
            try
            {
                await _runners[resource].StopAsync(_options.StopTimeout);
            }
            catch (Exception ex)
            {
                // Whatever went wrong here, the resources this one depends on must still be stopped.
                AppHostLog.Write($"Stopping '{resource.Name}' failed: {ex.Message}", isError: true);
            }
        }
    }

    /// <summary>A second Ctrl+C: kill every process now.</summary>
    public void KillAll()
    {
        foreach (var runner in _runners.Values.OfType<ProcessRunner>())
        {
            runner.Kill();
        }
    }

    public string GetConnectionString(string name) =>
        Find(name) is IResourceWithConnectionString target
            ? Context.ConnectionString(target)
            : throw new ArgumentException($"'{name}' has no connection string.", nameof(name));

    public Uri GetEndpoint(string name) => new(Context.ServiceUrl(Find(name)));

    public IReadOnlyDictionary<string, string> GetEnvironment(string name) =>
        _runners.TryGetValue(Find(name), out var runner) && runner is ProcessRunner process
            ? process.Plan.CreateSpec().Environment
            : throw new ArgumentException($"'{name}' is not a running process resource.", nameof(name));

    private RunContext Context => _context ?? throw new InvalidOperationException("The application has not been started.");

    private Resource Find(string name) =>
        Resources.FirstOrDefault(r => r.Name == name) ?? throw new ArgumentException($"No resource named '{name}'.", nameof(name));

    private static void OpenLogFile(ResourceLog log, string path)
    {
        if (File.Exists(path) && new FileInfo(path).Length > LogFileLimit)
        {
            File.Move(path, path + ".1", overwrite: true);
        }

        log.MirrorTo(path);
    }
}
