using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Api.Data.Configurations;

// Shadow properties: the entities never read their vectors; only search queries do, in SQL.
internal sealed class SearchVectorConfiguration : IEntityTypeConfiguration<ProjectFile>, IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<ProjectFile> builder) =>
        Vector(builder, SearchVectors.FileSql, "ix_project_files_search_vector");

    public void Configure(EntityTypeBuilder<Message> builder) =>
        Vector(builder, SearchVectors.MessageSql, "ix_messages_search_vector");

    private static void Vector<T>(EntityTypeBuilder<T> builder, string sql, string index)
        where T : class
    {
        builder.Property<NpgsqlTsVector>(SearchVectors.PropertyName)
            .HasColumnName(SearchVectors.ColumnName)
            .HasComputedColumnSql(sql, stored: true);
        builder.HasIndex(SearchVectors.PropertyName).HasMethod("gin").HasDatabaseName(index);
    }
}
