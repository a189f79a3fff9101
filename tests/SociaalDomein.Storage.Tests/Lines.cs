using SociaalDomein.Messages.Model;
using SociaalDomein.Monitoring.Contracts;
using SociaalDomein.Monitoring.Ledger;

namespace SociaalDomein.Storage.Tests;

/// <summary>Declaration lines as the ingestion worker would store them, varied only where a test needs it.</summary>
internal static class Lines
{
    public static readonly ContractKey Utrecht = new("0344", "12345678");
    public static readonly ContractKey Amersfoort = new("0307", "12345678");

    /// <summary>HMAC-SHA256 hex of a (test) BSN, never the BSN itself.</summary>
    public const string ClientPseudonym = "3f9a0c1d2b4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7";

    public static DeclarationLine Line(
        string referentieNummer,
        long amountCents,
        DateOnly dagtekening,
        string productCategorie = "45",
        ContractKey? contract = null,
        Standard standard = Standard.IJw,
        string? vorigReferentieNummer = null,
        string messageId = "ijw:323:12345678:D-2026-05",
        long sourceOffset = 0,
        long toewijzingNummer = 4_000_123)
    {
        var key = contract ?? Utrecht;
        return new DeclarationLine(
            Standard: standard,
            MunicipalityCode: key.MunicipalityCode,
            ProviderAgb: key.ProviderAgb,
            ReferentieNummer: referentieNummer,
            VorigReferentieNummer: vorigReferentieNummer,
            DeclaratieNummer: "D-2026-05",
            MessageId: messageId,
            Dagtekening: dagtekening,
            ToewijzingNummer: toewijzingNummer,
            ProductCategorie: productCategorie,
            ProductCode: productCategorie + "A01",
            PeriodBegin: new DateOnly(2026, 4, 1),
            PeriodEnd: new DateOnly(2026, 4, 30),
            GeleverdVolume: 10,
            Eenheid: "04",
            TariffCents: amountCents > 0 ? amountCents / 10 : null,
            AmountCents: amountCents,
            ClientPseudonym: ClientPseudonym,
            SourceTopic: standard == Standard.IJw ? "istd.ijw" : "istd.iwmo",
            SourcePartition: 0,
            SourceOffset: sourceOffset);
    }
}
