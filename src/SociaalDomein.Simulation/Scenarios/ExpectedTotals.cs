using SociaalDomein.Messages.Model;

namespace SociaalDomein.Simulation.Scenarios;

/// <summary>
/// What a correct pipeline must end up with, computed from the messages alone: per contract year the declared cents,
/// Σ debit − Σ credit over the distinct lines (a line is one ReferentieNummer of one provider; a resent copy counts
/// once), counted in the year its ProductPeriode begins.
/// </summary>
public sealed class ExpectedTotals
{
    private readonly Dictionary<ContractYear, long> _declared;
    private readonly Dictionary<ContractYearCategory, long> _declaredByCategory;

    private ExpectedTotals(
        Dictionary<ContractYear, long> declared, Dictionary<ContractYearCategory, long> declaredByCategory,
        int messageCount, int uniqueMessageCount, long lineCount, long uniqueLineCount)
    {
        _declared = declared;
        _declaredByCategory = declaredByCategory;
        MessageCount = messageCount;
        UniqueMessageCount = uniqueMessageCount;
        LineCount = lineCount;
        UniqueLineCount = uniqueLineCount;
    }

    /// <summary>Declared cents per contract year (signed; credits subtract).</summary>
    public IReadOnlyDictionary<ContractYear, long> DeclaredCents => _declared;

    /// <summary>Declared cents per contract year and product category.</summary>
    public IReadOnlyDictionary<ContractYearCategory, long> DeclaredCentsByCategory => _declaredByCategory;

    /// <summary>Messages as published, resent copies included.</summary>
    public int MessageCount { get; }

    /// <summary>Distinct messages by (standard, type, sender, Identificatie).</summary>
    public int UniqueMessageCount { get; }

    /// <summary>Declaration lines as published, those in resent copies included.</summary>
    public long LineCount { get; }

    /// <summary>Distinct declaration lines by (standard, provider, ReferentieNummer).</summary>
    public long UniqueLineCount { get; }

    public long TotalDeclaredCents => _declared.Values.Sum();

    public long DeclaredFor(string municipalityCode, string providerAgb, int year) =>
        _declared.GetValueOrDefault(new ContractYear(municipalityCode, providerAgb, year));

    public long DeclaredFor(string municipalityCode, string providerAgb, int year, string productCategorie) =>
        _declaredByCategory.GetValueOrDefault(new ContractYearCategory(new ContractYear(municipalityCode, providerAgb, year), productCategorie));

    /// <summary>What the ceiling is measured against: all categories for a ceiling without one, else that category.</summary>
    public long DeclaredFor(ScenarioCeiling ceiling) => ceiling.ProductCategorie is { } category
        ? DeclaredFor(ceiling.MunicipalityCode, ceiling.ProviderAgb, ceiling.Year, category)
        : DeclaredFor(ceiling.MunicipalityCode, ceiling.ProviderAgb, ceiling.Year);

    public static ExpectedTotals From(IEnumerable<ScenarioMessage> messages) => From(messages.Select(m => m.Message));

    /// <summary>One pass over the messages; keeps only the keys of lines seen, so it can follow a streamed scenario.</summary>
    public static ExpectedTotals From(IEnumerable<IstdMessage> messages)
    {
        var declared = new Dictionary<ContractYear, long>();
        var byCategory = new Dictionary<ContractYearCategory, long>();
        var messageKeys = new HashSet<MessageKey>();
        var lineKeys = new HashSet<(Standard, string Provider, string ReferentieNummer)>();
        int messageCount = 0;
        long lineCount = 0;

        foreach (var message in messages)
        {
            messageCount++;
            messageKeys.Add(message.Key);
            if (message is not DeclaratieMessage declaratie) continue;

            foreach (var (_, prestatie) in declaratie.Lines)
            {
                lineCount++;
                if (!lineKeys.Add((declaratie.Standard, declaratie.ProviderAgb, prestatie.ReferentieNummer))) continue;

                var contractYear = new ContractYear(declaratie.MunicipalityCode, declaratie.ProviderAgb, prestatie.ProductPeriodeBegin.Year);
                declared[contractYear] = declared.GetValueOrDefault(contractYear) + prestatie.SignedAmountCents;
                var category = new ContractYearCategory(contractYear, prestatie.ProductCategorie);
                byCategory[category] = byCategory.GetValueOrDefault(category) + prestatie.SignedAmountCents;
            }
        }
        return new ExpectedTotals(declared, byCategory, messageCount, messageKeys.Count, lineCount, lineKeys.Count);
    }
}
