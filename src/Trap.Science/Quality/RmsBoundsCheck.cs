using Trap.Dataset;

namespace Trap.Science.Quality;

/// <summary>TraP's absolute RMS check (reason 0): rms_est_min &lt; rms_qc &lt; rms_est_max, strictly.</summary>
public static class RmsBoundsCheck
{
    public static QualityRejection? Check(double rmsQc, double rmsMin, double rmsMax) =>
        rmsQc > rmsMin && rmsQc < rmsMax
            ? null
            : new QualityRejection(RejectReason.RmsInvalid,
                $"rms_qc = {rmsQc:G6} Jy is outside ({rmsMin:G6}, {rmsMax:G6}) Jy (rms_est_min, rms_est_max)");
}
