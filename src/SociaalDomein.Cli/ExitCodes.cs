namespace SociaalDomein.Cli;

/// <summary>Process exit codes of sdstream.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The pipeline or an external component failed.</summary>
    public const int Failed = 1;
    /// <summary>The input given on the command line is wrong (missing file, bad CSV, invalid message).</summary>
    public const int BadInput = 2;
    /// <summary><c>sdstream reconcile</c>: the daily totals differ from the ledger of accepted lines (each difference is printed).</summary>
    public const int NotReconciled = 3;
}
