import ExcelJS from 'exceljs';
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(process.argv[2]);
for (const ws of wb.worksheets) {
  console.log('SHEET', ws.name, ws.rowCount, ws.columnCount);
  ws.eachRow({includeEmpty:false}, (row, r) => {
    const vals = [];
    row.eachCell({includeEmpty:false}, (cell, c) => { const v = cell.value; vals.push(c+':'+(typeof v === 'object' && v !== null ? JSON.stringify(v) : v)); });
    if (process.argv[3]==='full' || r < 8 || r > 50) console.log(r, vals.join(' | ').slice(0, Number(process.argv[4]??3000)));
  });
}
