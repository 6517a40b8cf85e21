namespace Api.Data;

/// <summary>
/// The full-text vectors PostgreSQL keeps beside files and messages (stored generated columns, GIN-indexed), so a
/// search is an index lookup and never re-parses content. One text search configuration for both, and the same
/// one for queries: <see cref="Configuration"/>.
/// </summary>
public static class SearchVectors
{
    public const string Configuration = "english";

    public const string ColumnName = "search_vector";

    public const string PropertyName = "SearchVector";

    // A path's separators become spaces so "program" finds src/Api/Program.cs; the path outweighs the content.
    public const string FileSql =
        "setweight(to_tsvector('english'::regconfig, translate(path, '/._-', '    ')), 'A') || setweight(to_tsvector('english'::regconfig, content), 'B')";

    public const string MessageSql = "to_tsvector('english'::regconfig, content)";
}
