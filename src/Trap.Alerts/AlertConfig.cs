namespace Trap.Alerts;

/// <summary>
/// [alerts]: the VOEvent 2.0 packets written for candidates and, optionally, sent to a broker over
/// the VOEvent Transport Protocol (docs/science.md §11). TraP has no alerts; this is Trap's own design.
/// </summary>
public sealed record AlertConfig
{
    /// <summary>write_voevents = true: write one packet per candidate into the dataset's voevents folder.</summary>
    public bool WriteVoevents { get; init; } = true;

    /// <summary>authority = trap.local: the IVOA authority of the packets' IVORNs (ivo://AUTHORITY/STREAM#ID;
    /// at least 3 characters). Replace it with your registered authority before going live.</summary>
    public string Authority { get; init; } = "trap.local";

    /// <summary>stream = transients: the resource key (stream) of the IVORNs.</summary>
    public string Stream { get; init; } = "transients";

    /// <summary>role = test: the packets' role (observation, prediction, utility or test); brokers and
    /// receivers treat test events as tests, so keep test until the stream goes live.</summary>
    public VoEventRole Role { get; init; } = VoEventRole.Test;

    /// <summary>author_title = Trap transient pipeline: Who/Author/title.</summary>
    public string AuthorTitle { get; init; } = "Trap transient pipeline";

    /// <summary>contact_name = (empty): Who/Author/contactName, written when set.</summary>
    public string ContactName { get; init; } = "";

    /// <summary>contact_email = (empty): Who/Author/contactEmail, written when set.</summary>
    public string ContactEmail { get; init; } = "";

    /// <summary>broker = (empty): host:port of a VOEvent broker (Comet listens on 8098 for authors) to
    /// send every packet to at the end of the run; empty = do not send.</summary>
    public string Broker { get; init; } = "";

    /// <summary>broker_timeout_s = 10: seconds to connect, send and wait for the broker's ack or nak.</summary>
    public double BrokerTimeoutS { get; init; } = 10.0;

    /// <summary>broker_retries = 2: further attempts after a failed connection, timeout or dropped
    /// connection (a nak is an answer and is not retried).</summary>
    public int BrokerRetries { get; init; } = 2;

    /// <summary>Longest broker timeout accepted (an hour): a larger one is a typo, and would overflow a TimeSpan.</summary>
    public const double MaxBrokerTimeoutS = 3600;

    /// <summary>Most broker retries accepted.</summary>
    public const int MaxBrokerRetries = 100;

    /// <summary>A broker timeout above 0 and at most <see cref="MaxBrokerTimeoutS"/> seconds.</summary>
    public static bool IsValidTimeout(double seconds) => seconds > 0 && seconds <= MaxBrokerTimeoutS;

    /// <summary>0 to <see cref="MaxBrokerRetries"/> retries.</summary>
    public static bool IsValidRetries(int retries) => retries is >= 0 and <= MaxBrokerRetries;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first out-of-range setting.</summary>
    public void Validate()
    {
        Ivorn.ValidateAuthority(Authority);
        Ivorn.ValidateResourceKey(Stream);
        if (Broker.Length > 0) BrokerAddress.Parse(Broker);
        if (!IsValidTimeout(BrokerTimeoutS))
        {
            throw new ArgumentException($"[alerts] broker_timeout_s must be a number of seconds above 0 and at most {MaxBrokerTimeoutS} (got {BrokerTimeoutS}).");
        }
        if (!IsValidRetries(BrokerRetries))
        {
            throw new ArgumentException($"[alerts] broker_retries must be 0 to {MaxBrokerRetries} (got {BrokerRetries}).");
        }
    }

    /// <summary>The IVORN of the stream's author (the pipeline itself): ivo://AUTHORITY/STREAM.</summary>
    public string AuthorIvorn => $"ivo://{Authority}/{Stream}";
}

/// <summary>The VOEvent role attribute.</summary>
public enum VoEventRole
{
    Observation,
    Prediction,
    Utility,
    Test,
}
