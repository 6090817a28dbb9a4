using Trap.Dataset;

namespace Trap.Science.Quality;

/// <summary>TraP's LOFAR check that the integration time is known (reason 3).</summary>
public static class TauTimeCheck
{
    public static QualityRejection? Check(double integrationSeconds) =>
        integrationSeconds == 0
            ? new QualityRejection(RejectReason.TauTimeInvalid, "integration time (tau_time) is 0 s; the theoretical noise cannot be computed")
            : null;
}
