using SociaalDomein.Messages.Model;

namespace SociaalDomein.Ingestion.Processing;

/// <summary>How the traffic handlers name what an answer refers to, so that a 301 and its 305 meet under the same reference.</summary>
public static class TrafficReferences
{
    /// <summary>An allocation: ToewijzingNummers are unique per standard and municipality, and the contract fixes the municipality.</summary>
    public static string Allocation(Standard standard, long toewijzingNummer) => $"{standard.Code()}:{toewijzingNummer}";

    /// <summary>One delivery under an allocation (a 305 or 307 for its Begindatum).</summary>
    public static string Delivery(Standard standard, long toewijzingNummer, DateOnly begindatum) =>
        $"{standard.Code()}:{toewijzingNummer}:{begindatum:yyyyMMdd}";
}
