import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Row {
  key: string;
  cells: ReactNode[];
}

/** The portal's one table: a header row, then rows, scrolling sideways on a phone rather than squeezing columns. */
export function DataTable({ columns, rows, minWidth = 560 }: { columns: ReactNode[]; rows: Row[]; minWidth?: number }) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <Table.Th key={index}>{column}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, index) => (
                <Table.Td key={index}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
