/**
 * A data table's column headings. `actionsLabel` adds a last column for the
 * row's buttons, named for screen readers only.
 */
export function TableHeader({ columns, actionsLabel }: { columns: readonly (string | false)[]; actionsLabel?: string }) {
  return (
    <thead>
      <tr>
        {columns.filter((column): column is string => Boolean(column)).map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        {actionsLabel && (
          <th scope="col">
            <span className="visually-hidden">{actionsLabel}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
