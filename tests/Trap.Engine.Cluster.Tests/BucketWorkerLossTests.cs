using System.Diagnostics;
using Trap.Dataset;
using Trap.Engine.Cluster.Driver;
using Trap.Engine.Cluster.Status;
using Trap.Pipeline;
using Trap.Pipeline.Output;
using Trap.Pipeline.Progress;
using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Engine.Cluster.Tests;

/// <summary>
/// A dense single-field survey (one sky bucket) on separate `trap worker` processes: the worker that
/// holds each stage's first task (extraction, the bucket's association, its forced fits, the bucket's
/// catalogue) is killed the moment that task is sent to it. The job must complete with a dataset
/// identical to the local engine's, table by table. And a driver killed mid-job shows as failed.
/// </summary>
public sealed class BucketWorkerLossTests : IDisposable
{
    private static readonly string[] KilledAt =
        { "map ExtractImageTask", "map AssociationTask", "map ForcedFitTask", "map CatalogueTask" };

    private readonly string _folder = Directory.CreateTempSubdirectory("trap-bucket-loss-").FullName;

    private void WriteSurvey(int timesteps)
    {
        var spec = new SurveySpec
        {
            Seed = 23, Pointings = 1, BandFrequenciesHz = SurveySpec.HbaBands(1), Timesteps = timesteps, ImageSize = 256,
            SourcesPerPointing = 250, BadImages = BadImageFractions.None,
        };
        SurveyWriter.Write(new Survey(spec), _folder);
        File.WriteAllText(Path.Combine(_folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n");
    }

    [Fact]
    public async Task KillingTheWorkerHoldingEachStageKeepsTheDatasetIdenticalToLocal()
    {
        WriteSurvey(timesteps: 30);
        await using (var local = new LocalEngine(2))
        {
            await new JobRunner(local, ProgressReporter.Silent()).RunAsync(_folder, Path.Combine(_folder, "local"));
        }

        await using var cluster = await WorkerProcesses.CreateAsync();
        var workers = new Dictionary<int, Process>();
        foreach (var port in Enumerable.Range(0, KilledAt.Length + 1).Select(_ => WorkerProcesses.FreePort()))
        {
            workers[port] = await cluster.StartWorkerAsync(port, cores: 1);
        }
        var killed = new List<string>();
        var pending = new HashSet<string>(KilledAt);
        await using (var engine = new ClusterEngine(WorkerProcessTests.Options(cluster)))
        {
            engine.TaskDispatched += (stage, worker) =>
            {
                // A worker killed for an earlier stage can still be given a task before the cluster sees it gone: kill a live one.
                var alive = workers.Where(w => worker.Contains($":{w.Key}@")).ToList();
                if (alive.Count == 0 || !pending.Remove(stage)) return;
                var (port, process) = alive.Single();
                process.Kill();
                workers.Remove(port);
                killed.Add($"{stage} on {worker}");
            };
            await new JobRunner(engine, ProgressReporter.Silent()).RunAsync(_folder, Path.Combine(_folder, "cluster"));
            Assert.True(engine.RetriedTasks >= KilledAt.Length, $"only {engine.RetriedTasks} tasks were re-run");
        }

        Assert.Equal(KilledAt, killed.Select(k => k[..k.IndexOf(" on ", StringComparison.Ordinal)]));
        var differences = await DatasetComparer.CompareAsync(Path.Combine(_folder, "local"), Path.Combine(_folder, "cluster"));
        Assert.All(differences.Where(d => d.Table != DatasetTables.Images && d.Table != DatasetTables.Rejections), d =>
            Assert.True(d.Same, $"{d.Table}: {d.RowsA} rows locally, {d.RowsB} on the cluster; only local: {string.Join(" | ", d.OnlyInA)}"));
        var measurements = differences.Single(d => d.Table == DatasetTables.ExtractedSources).RowsA;
        Assert.True(measurements > 2000, $"the survey is not dense: {measurements} measurements");
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "cluster"), "*.partial-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AKilledDriverShowsAsFailedWithinSeconds()
    {
        WriteSurvey(timesteps: 60);
        await using var cluster = await WorkerProcesses.CreateAsync();
        await cluster.StartWorkerAsync(WorkerProcesses.FreePort(), cores: 1);
        var driver = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { WorkerProcesses.TrapDll, "run", _folder, "--master", "trap://" + cluster.ClusterId,
                     "--conf", "trap.db=" + cluster.ConnectionString, "--no-database" })
        {
            driver.ArgumentList.Add(arg);
        }
        using var process = Process.Start(driver)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntil(async () => (await Jobs(cluster)).Any(j => j.State == "running"), TimeSpan.FromSeconds(60));
        process.Kill();
        var killedAt = Stopwatch.StartNew();
        await WaitUntil(async () => (await Jobs(cluster)).Single().State == "failed", TimeSpan.FromSeconds(20));
        var job = (await Jobs(cluster)).Single();
        Assert.True(job.DriverLost);
        Assert.True(killedAt.Elapsed < JobProgressStore.DriverLostAfter + TimeSpan.FromSeconds(5), $"seen failed after {killedAt.Elapsed.TotalSeconds:0.0} s");
    }

    private static Task<IReadOnlyList<JobRow>> Jobs(WorkerProcesses cluster) =>
        ClusterStatusReader.JobsAsync(cluster.Database, cluster.ClusterId, 10);

    private static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(200);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
