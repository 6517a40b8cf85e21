using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace Api.Data;

/// <summary>The database connection string, where Aspire puts it: <c>ConnectionStrings:appdb</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "ConnectionStrings";

    public const string InvalidMessage =
        "ConnectionStrings:appdb is not a valid Npgsql connection string with a Host, e.g. Host=localhost;Port=5432;Database=appdb;Username=postgres;Password=...";

    // Binding is case-insensitive, so this property reads the key "appdb".
    [Required(ErrorMessage = "ConnectionStrings:appdb is required: the Npgsql connection string of the Api's database (env ConnectionStrings__appdb).")]
    public string? AppDb { get; set; }

    public static bool IsValidConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
