using System.Collections.Concurrent;
using Trap.Engine.Cluster.Driver;

namespace Trap.Engine.Cluster.Tests;

/// <summary>The driver's scheduling logic, without a cluster: a fake worker list and fake calls.</summary>
public class WorkSchedulerTests
{
    private static readonly SchedulerOptions Fast = new()
    {
        ExecutorCores = 2,
        RefreshInterval = TimeSpan.FromMilliseconds(10),
        Quarantine = TimeSpan.FromMilliseconds(50),
        NoWorkerTimeout = TimeSpan.FromMilliseconds(300),
    };

    private sealed class FakeDirectory : IWorkerDirectory
    {
        public volatile string[] Live = Array.Empty<string>();

        public Task<IReadOnlyList<string>> LiveWorkersAsync(CancellationToken cancellation) => Task.FromResult<IReadOnlyList<string>>(Live);
    }

    [Fact]
    public async Task ResultsComeBackInTaskOrderAndInFlightStaysWithinExecutorCores()
    {
        var directory = new FakeDirectory { Live = new[] { "a", "b", "c" } };
        var inFlight = new ConcurrentDictionary<string, int>();
        var peak = new ConcurrentDictionary<string, int>();
        var scheduler = new WorkScheduler(directory, Fast);
        var results = await scheduler.RunAsync("s", 60, async (worker, i, _) =>
        {
            var now = inFlight.AddOrUpdate(worker, 1, (_, n) => n + 1);
            peak.AddOrUpdate(worker, now, (_, p) => Math.Max(p, now));
            await Task.Delay(5 + i % 3);
            inFlight.AddOrUpdate(worker, 0, (_, n) => n - 1);
            return i * 10;
        });
        Assert.Equal(Enumerable.Range(0, 60).Select(i => i * 10), results);
        Assert.Equal(new[] { "a", "b", "c" }, peak.Keys.Order());
        Assert.All(peak.Values, p => Assert.InRange(p, 1, Fast.ExecutorCores));
        Assert.Equal(60, scheduler.CompletedByWorker.Values.Sum());
    }

    [Fact]
    public async Task OneTaskStagesAreSpreadOverIdleWorkers()
    {
        var directory = new FakeDirectory { Live = new[] { "a", "b", "c" } };
        var scheduler = new WorkScheduler(directory, Fast);
        var ranOn = new List<string>();
        for (var stage = 0; stage < 6; stage++)
        {
            await scheduler.RunAsync($"s{stage}", 1, (worker, i, _) =>
            {
                ranOn.Add(worker);
                return Task.FromResult(i);
            });
        }
        // Each idle worker is as good as the next: the one that has done least takes the task.
        Assert.Equal(new[] { "a", "b", "c", "a", "b", "c" }, ranOn);
    }

    [Fact]
    public async Task AFailedCallIsRunAgainOnAnotherWorker()
    {
        var directory = new FakeDirectory { Live = new[] { "dying", "healthy" } };
        var ranOn = new ConcurrentDictionary<int, string>();
        var scheduler = new WorkScheduler(directory, Fast);
        var results = await scheduler.RunAsync("s", 20, (worker, i, _) =>
        {
            if (worker == "dying")
            {
                return Task.FromException<int>(new IOException("connection reset"));
            }
            ranOn[i] = worker;
            return Task.FromResult(i);
        });
        Assert.Equal(Enumerable.Range(0, 20), results);
        Assert.All(ranOn.Values, w => Assert.Equal("healthy", w));
        Assert.True(scheduler.Retries > 0);
    }

    [Fact]
    public async Task TasksOfAWorkerThatLeavesAreQueuedAgainAndTheFirstResultWins()
    {
        var directory = new FakeDirectory { Live = new[] { "lost", "kept" } };
        var never = new TaskCompletionSource<int>();
        var scheduler = new WorkScheduler(directory, Fast);
        var run = scheduler.RunAsync("s", 10, async (worker, i, _) =>
        {
            if (worker == "lost")
            {
                directory.Live = new[] { "kept" }; // it dies while holding the task: its call never answers
                return await never.Task;
            }
            await Task.Delay(2);
            return i + 100;
        });
        Assert.Equal(Enumerable.Range(100, 10), await run);
        never.SetResult(-1); // a late answer from the lost worker changes nothing
        Assert.Equal(0, scheduler.CompletedByWorker.GetValueOrDefault("lost"));
    }

    [Fact]
    public async Task WhenAWorkerIsLostCallsInFlightOnLiveWorkersAreQueuedAgainToo()
    {
        // A call to "live" that never answers stands for one routed through the lost worker's gateway.
        var directory = new FakeDirectory { Live = new[] { "lost", "live" } };
        var scheduler = new WorkScheduler(directory, Fast);
        var stuck = new TaskCompletionSource<int>();
        var calls = 0;
        var results = await scheduler.RunAsync("s", 2, (worker, i, _) =>
        {
            if (Interlocked.Increment(ref calls) <= 2)
            {
                directory.Live = new[] { "live" };
                return stuck.Task;
            }
            return Task.FromResult(i + 10);
        });
        Assert.Equal(new[] { 10, 11 }, results);
        Assert.True(scheduler.Retries >= 2);
        Assert.Contains(scheduler.Failures, f => f.Contains("a worker left the cluster"));
    }

    [Fact]
    public async Task AWorkerThatJoinsTakesTasks()
    {
        var directory = new FakeDirectory { Live = new[] { "first" } };
        var scheduler = new WorkScheduler(directory, Fast);
        var started = 0;
        await scheduler.RunAsync("s", 40, async (worker, i, _) =>
        {
            if (Interlocked.Increment(ref started) == 4)
            {
                directory.Live = new[] { "first", "joined" };
            }
            await Task.Delay(10);
            return i;
        });
        Assert.True(scheduler.CompletedByWorker.GetValueOrDefault("joined") > 0);
    }

    [Fact]
    public async Task ATaskErrorIsNotRetriedAndNamesTheTask()
    {
        var directory = new FakeDirectory { Live = new[] { "a", "b" } };
        var calls = 0;
        var scheduler = new WorkScheduler(directory, Fast);
        var error = await Assert.ThrowsAsync<ClusterException>(() => scheduler.RunAsync("map x", 1, (_, _, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromException<int>(new TaskFailedException("division by zero"));
        }));
        Assert.Equal(1, calls);
        Assert.Contains("stage map x, task 0: division by zero", error.Message);
    }

    [Fact]
    public async Task ATaskThatFailsOnEveryWorkerStopsAfterMaxAttempts()
    {
        var directory = new FakeDirectory { Live = new[] { "a", "b" } };
        var options = Fast with { MaxAttempts = 3, Quarantine = TimeSpan.Zero };
        var calls = 0;
        var error = await Assert.ThrowsAsync<ClusterException>(() => new WorkScheduler(directory, options).RunAsync("s", 1, (_, _, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromException<int>(new TimeoutException("no answer"));
        }));
        Assert.Equal(3, calls);
        Assert.Contains("failed 3 times", error.Message);
    }

    [Fact]
    public async Task NoWorkersFailsTheStageAfterTheWait()
    {
        var scheduler = new WorkScheduler(new FakeDirectory(), Fast);
        var error = await Assert.ThrowsAsync<ClusterException>(() => scheduler.RunAsync("s", 1, (_, i, _) => Task.FromResult(i)));
        Assert.Contains("no live worker", error.Message);
    }

    [Fact]
    public void BatchesCoverEveryItemOnceInOrder()
    {
        foreach (var (count, batches) in new[] { (0, 4), (1, 4), (10, 3), (10, 10), (10, 40), (1001, 7) })
        {
            var ranges = Driver.Batches.Cut(count, batches);
            var covered = ranges.SelectMany(r => Enumerable.Range(r.Start.Value, r.End.Value - r.Start.Value)).ToList();
            Assert.Equal(Enumerable.Range(0, count), covered);
            Assert.Equal(count == 0 ? 0 : Math.Min(count, batches), ranges.Count);
            Assert.All(ranges, r => Assert.InRange(r.End.Value - r.Start.Value, count / Math.Max(1, ranges.Count), count / Math.Max(1, ranges.Count) + 1));
        }
    }
}
