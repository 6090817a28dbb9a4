using Trap.Engine.Contract;

namespace Trap.Engine.Tests;

/// <summary>The engine contract on the local engine.</summary>
public class LocalEngineTests : EngineContractTests
{
    protected override Task<IEngine> CreateEngineAsync(int parallelism) => Task.FromResult<IEngine>(new LocalEngine(parallelism));
}
