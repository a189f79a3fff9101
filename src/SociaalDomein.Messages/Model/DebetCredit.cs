namespace SociaalDomein.Messages.Model;

/// <summary>Sign of an amount in a declaration: D adds, C subtracts. An amount of 0 is D.</summary>
public enum DebetCredit
{
    Debet,
    Credit,
}
