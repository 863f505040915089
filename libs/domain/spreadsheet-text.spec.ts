import { spreadsheetText } from './spreadsheet-text';

describe('spreadsheetText', () => {
  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'puts a quote before %j, which a spreadsheet would run',
    (value) => {
      expect(spreadsheetText(value)).toBe(`'${value}`);
    },
  );

  it.each(['Layanan Cepat', '', "'=already text", ' =1', '2024-05-02T03:00:00.000Z', 'a=b', 'kab-banyuwangi'])(
    'leaves %j as it is',
    (value) => {
      expect(spreadsheetText(value)).toBe(value);
    },
  );
});
