<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>app::cli::Application</name>
    <message>
        <location filename="../../app/cli/application.cpp" line="132"/>
        <source>规划: GZ2023 贵州省新型城镇化实施方案 (2023—2025年); GY2025 筑府发〔2025〕17号 · 数据: %1 · %2 · 边界与位置仅供规划示意, 非测绘成果</source>
        <translation>Plan: GZ2023 Implementation Plan for New-type Urbanisation in Guizhou Province (2023–2025); GY2025 Zhufufa [2025] No. 17 · Data: %1 · %2 · boundaries and positions are schematic, not survey results</translation>
    </message>
    <message>
        <location filename="../../app/cli/application.cpp" line="136"/>
        <source>Albers 等积投影</source>
        <translation>Albers equal-area projection</translation>
    </message>
    <message>
        <location filename="../../app/cli/application.cpp" line="137"/>
        <source>投影 %1</source>
        <translation>Projection %1</translation>
    </message>
    <message>
        <location filename="../../app/cli/report_command.cpp" line="80"/>
        <source>（不存在）</source>
        <translation> (does not exist)</translation>
    </message>
    <message>
        <location filename="../../app/cli/application.cpp" line="602"/>
        <source>监测规则无法读取: %1</source>
        <translation>The monitoring rules cannot be read: %1</translation>
    </message>
    <message>
        <location filename="../../app/cli/application.cpp" line="615"/>
        <source>未知视图“%1”, 已显示行政区划. 可用视图: %2</source>
        <translation>Unknown view “%1”; showing the administrative overview. Views: %2</translation>
    </message>
</context>
<context>
    <name>app::gui::ActualsPanel</name>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="44"/>
        <source>全省</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="45"/>
        <source>中心城市</source>
        <translation>central cities</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="46"/>
        <source>分区</source>
        <translation>zones</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="47"/>
        <source>廊道</source>
        <translation>corridors</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="48"/>
        <source>县</source>
        <translation>counties</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="49"/>
        <source>节点</source>
        <translation>places</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="178"/>
        <source>按路径应达 %1 %2（%3 年）</source>
        <translation>expected on the path: %1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="72"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="211"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="796"/>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="212"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="775"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="213"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="777"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="214"/>
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="215"/>
        <source>实际值</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="75"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="216"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="297"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="796"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="217"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="779"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="794"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="797"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="218"/>
        <source>判定规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="219"/>
        <source>数据来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="77"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="220"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="317"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="796"/>
        <source>数据日期</source>
        <translation>Figure date</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="221"/>
        <source>录入</source>
        <comment>column: who entered the figure, when</comment>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="222"/>
        <source>条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="269"/>
        <source>录入实际数据：%1</source>
        <translation>Enter an actual figure: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="74"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="280"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="796"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="73"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="306"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="796"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="311"/>
        <source>按目标口径 (value)</source>
        <translation>in the target&apos;s terms (value)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="311"/>
        <source>单年数 (annual)</source>
        <translation>one year&apos;s amount (annual)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="311"/>
        <source>水平值 (level)</source>
        <translation>level (level)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="76"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="312"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="796"/>
        <source>口径</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="316"/>
        <source>数据发布日期：YYYY、YYYY-MM 或 YYYY-MM-DD</source>
        <translation>date of the figure: YYYY, YYYY-MM or YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="321"/>
        <source>必填，例如 贵州统计年鉴2024 表3-5</source>
        <translation>required, e.g. 贵州统计年鉴2024 表3-5 (Guizhou Statistical Yearbook 2024, table 3-5)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="78"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="322"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="796"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="326"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="797"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="383"/>
        <source>未保存：</source>
        <translation>Not saved:</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="532"/>
        <source>不再接收他人的更改：%1</source>
        <translation>no longer receiving others&apos; changes: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="561"/>
        <source>实际数据库无法打开：%1。请检查 --actuals 指定的文件（或 GZPLAN_ACTUALS）</source>
        <translation>The figures&apos; store cannot be opened: %1. Check the file given with --actuals (or GZPLAN_ACTUALS)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="573"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="586"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="612"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="676"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="804"/>
        <source>只读：%1</source>
        <translation>Read only: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="588"/>
        <source>尚无实际数据：用 gzplan actuals import 导入，或在此录入</source>
        <translation>No figures yet: import with gzplan actuals import, or enter them here</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="593"/>
        <source>%1 个目标中 %2 个有实际数据 · 数据库 %3</source>
        <translation>%2 of %1 targets have a figure · store %3</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="608"/>
        <source>没有实际数据库：用 --actuals 指定文件</source>
        <translation>No figures&apos; store: give a file with --actuals</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="622"/>
        <source>数值“%1”不是数字</source>
        <translation>&apos;%1&apos; is not a number (digits with . for decimals, no thousands separator)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="624"/>
        <source>来源必填</source>
        <translation>no source: name the yearbook and table, bulletin or report the figure comes from</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="632"/>
        <source>现为 %1 %2（%3）</source>
        <translation>it is now %1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="633"/>
        <source>现已无数据</source>
        <translation>no figure counts now</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="635"/>
        <source>未写入：%1 %2 年的数据已被他人修改（更改 #%3，%4，%5），%6。请核对后重新录入</source>
        <translation>not saved: someone changed the %2 figure of %1 since you opened it (change #%3 by %4 at %5); %6. Check it and enter yours again</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="641"/>
        <source>未写入 %1：%2</source>
        <translation>Nothing written to %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="644"/>
        <source>已保存 %1 %2 年的实际数据</source>
        <translation>Saved the figure of %1 for %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="674"/>
        <source>没有可撤销的更改</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="681"/>
        <source>已撤销（更改 #%1）</source>
        <translation>Undone (change #%1)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="683"/>
        <source>无法撤销：%1</source>
        <translation>Cannot undo: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="712"/>
        <source>全部范围</source>
        <translation>All scopes</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="725"/>
        <source>全部%1</source>
        <translation>All %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="742"/>
        <source>导入</source>
        <translation>import</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="742"/>
        <source>录入</source>
        <comment>change kind</comment>
        <translation>set</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="742"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="788"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="743"/>
        <source>已撤销</source>
        <comment>change</comment>
        <translation>undone</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="743"/>
        <source>撤销了 #%1</source>
        <translation>undoes #%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="754"/>
        <source>已撤销</source>
        <comment>row</comment>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="754"/>
        <source>计入</source>
        <translation>counts</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="754"/>
        <source>被取代</source>
        <translation>superseded</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="776"/>
        <source>选择范围，或输入范围类型与标识：province、city、zone、corridor，或 city:zunyi</source>
        <translation>Pick a scope, or type a kind of scope and an id: province, city, zone, corridor, or city:zunyi</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="778"/>
        <source>指标名称的一部分</source>
        <translation>part of the indicator&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="780"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="786"/>
        <source>录入/更正…</source>
        <translation>Enter/correct…</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="573"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="787"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="804"/>
        <source>录入或更正所选目标的实际数据（也可双击一行）</source>
        <translation>Enter or correct the figure of the selected target (or double-click a row)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="789"/>
        <source>撤销最近一次更改 (Ctrl+Z)；撤销也记入历史</source>
        <translation>Undo the latest change (Ctrl+Z); the undo is recorded in the history too</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="790"/>
        <source>重新读取</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="791"/>
        <source>目标与实际</source>
        <translation>Targets and actuals</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="792"/>
        <source>历史（全部更改与数据行）</source>
        <translation>History (every change and every row)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="794"/>
        <location filename="../../app/gui/actuals_panel.cpp" line="796"/>
        <source>更改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="794"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="794"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="794"/>
        <source>时间</source>
        <translation>At</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="794"/>
        <source>内容</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="794"/>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="796"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="797"/>
        <source>录入人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location filename="../../app/gui/actuals_panel.cpp" line="797"/>
        <source>录入时间</source>
        <translation>Entered at</translation>
    </message>
</context>
<context>
    <name>app::gui::AttributeTableModel</name>
    <message>
        <location filename="../../app/gui/attribute_table_model.cpp" line="119"/>
        <source>无法读取属性表的行: %1</source>
        <translation>Cannot read the attribute table&apos;s rows: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_model.cpp" line="146"/>
        <source>空值 (NULL)</source>
        <translation>Null (NULL)</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_model.cpp" line="169"/>
        <source>要素编号 (FID)</source>
        <translation>Feature id (FID)</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_model.cpp" line="186"/>
        <source>字段 %1</source>
        <translation>Field %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_model.cpp" line="189"/>
        <source>点击按此列排序</source>
        <translation>Click to sort by this column</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_model.cpp" line="205"/>
        <location filename="../../app/gui/attribute_table_model.cpp" line="264"/>
        <source>无法排序: %1</source>
        <translation>Cannot sort: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_model.cpp" line="276"/>
        <source>表达式 “%1” 中的 “%2” 不是此图层的字段。可用字段: %3</source>
        <translation>In the expression “%1”, “%2” is not a field of this layer. Fields: %3</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_model.cpp" line="278"/>
        <source>请输入表达式, 例如 landuse = &apos;林地&apos; AND area_m2 &gt; 10000。可用字段: %1</source>
        <translation>Type an expression, e.g. landuse = &apos;forest&apos; AND area_m2 &gt; 10000. Fields: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_model.cpp" line="279"/>
        <source>表达式 “%1” 无法解析: %2 (GDAL 的说明)。文字值用单引号, 例如 landuse = &apos;林地&apos;。可用字段: %3</source>
        <translation>The expression “%1” does not parse: %2 (GDAL&apos;s words). Text values take single quotes, e.g. landuse = &apos;forest&apos;. Fields: %3</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_model.cpp" line="298"/>
        <source>无法筛选: %1</source>
        <translation>Cannot filter: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_model.cpp" line="314"/>
        <source>无法选择: %1</source>
        <translation>Cannot select: %1</translation>
    </message>
</context>
<context>
    <name>app::gui::AttributeTablePanel</name>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="145"/>
        <source>正在恢复文件顺序…</source>
        <translation>Restoring the file&apos;s order…</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="145"/>
        <source>正在按“%1”降序排序…</source>
        <translation>Sorting by “%1”, descending…</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="145"/>
        <source>正在按“%1”升序排序…</source>
        <translation>Sorting by “%1”, ascending…</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="303"/>
        <source>%1 / %2 行, 已选 %3</source>
        <translation>%1 / %2 rows, %3 selected</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="314"/>
        <source>筛选: 表达式 (GDAL SQL), 例如 landuse = &apos;林地&apos; AND area_m2 &gt; 10000, 回车应用</source>
        <translation>Filter: an expression (GDAL SQL), e.g. landuse = &apos;forest&apos; AND area_m2 &gt; 10000; Enter applies it</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="315"/>
        <source>按表达式选择…</source>
        <translation>Select by expression…</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="316"/>
        <source>选择表达式接受的全部要素 (不改变筛选)</source>
        <translation>Select every feature the expression accepts (the filter stays)</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="317"/>
        <source>缩放到所选</source>
        <translation>Zoom to selection</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="318"/>
        <source>清除选择</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="84"/>
        <source>已写 %1 / %2 行</source>
        <translation>%1 / %2 rows written</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="90"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="91"/>
        <source>把表格的行导出为 CSV 或 Excel (XLSX): 当前的筛选、排序和列顺序, 表头为字段名</source>
        <translation>Export the table&apos;s rows to CSV or Excel (XLSX): the current filter, order and column order, the header the field names</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="92"/>
        <source>导出为 CSV (UTF-8)…</source>
        <translation>Export as CSV (UTF-8)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="93"/>
        <source>导出为 Excel (XLSX)…</source>
        <translation>Export as Excel (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="94"/>
        <source>仅导出所选</source>
        <translation>Export only the selected rows</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="95"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="107"/>
        <source>导出属性表</source>
        <translation>Export the attribute table</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="108"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="108"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="125"/>
        <source>导出尚未结束: 等它完成或取消后再导出</source>
        <translation>An export is still running: wait for it to finish, or cancel it, then export again</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="128"/>
        <source>无法导出到 %1: 请用 .csv 或 .xlsx 文件</source>
        <translation>Cannot export to %1: name a .csv or .xlsx file</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="141"/>
        <source>没有选中的行: 先选择要导出的行, 或取消“仅导出所选”</source>
        <translation>No rows are selected: select the rows to export, or uncheck “Export only the selected rows”</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="154"/>
        <source>正在导出到 %1…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="174"/>
        <source>导出已取消, 未写入 %1</source>
        <translation>Export cancelled; %1 was not written</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="175"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="181"/>
        <source>已导出 %1 行到 %2</source>
        <translation>Exported %1 rows to %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table_export.cpp" line="194"/>
        <source>导出失败, 未写入 %1: %2</source>
        <translation>Export failed; %1 was not written: %2</translation>
    </message>
</context>
<context>
    <name>app::gui::DocumentPanel</name>
    <message>
        <location filename="../../app/gui/document_panel.cpp" line="105"/>
        <source>REFERENCE 参考资料 (share/documents/references.md)</source>
        <translation>REFERENCE references (share/documents/references.md)</translation>
    </message>
    <message>
        <location filename="../../app/gui/document_panel.cpp" line="134"/>
        <source>没有文件“%1”</source>
        <translation>No document “%1”</translation>
    </message>
    <message>
        <location filename="../../app/gui/document_panel.cpp" line="142"/>
        <source>参考资料, 关于 %1 %2</source>
        <translation>References, on %1 %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/document_panel.cpp" line="153"/>
        <source>%1 中没有条款 %2</source>
        <translation>%1 has no clause %2</translation>
    </message>
</context>
<context>
    <name>app::gui::ExportDialog</name>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="25"/>
        <location filename="../../app/gui/export_dialog.cpp" line="138"/>
        <location filename="../../app/gui/export_dialog.cpp" line="149"/>
        <source>导出数据</source>
        <translation>Export data</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="27"/>
        <source>全部图层</source>
        <translation>All layers</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="39"/>
        <source>EPSG:4490 CGCS2000 经纬度</source>
        <translation>EPSG:4490 CGCS2000 lon/lat</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="40"/>
        <source>EPSG:4326 WGS 84 经纬度</source>
        <translation>EPSG:4326 WGS 84 lon/lat</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="41"/>
        <source>EPSG:4543 CGCS2000 高斯-克吕格 3° 102°E</source>
        <translation>EPSG:4543 CGCS2000 Gauss-Kruger 3° 102°E</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="42"/>
        <source>EPSG:4544 CGCS2000 高斯-克吕格 3° 105°E</source>
        <translation>EPSG:4544 CGCS2000 Gauss-Kruger 3° 105°E</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="43"/>
        <source>EPSG:4545 CGCS2000 高斯-克吕格 3° 108°E</source>
        <translation>EPSG:4545 CGCS2000 Gauss-Kruger 3° 108°E</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="44"/>
        <source>EPSG:4546 CGCS2000 高斯-克吕格 3° 111°E</source>
        <translation>EPSG:4546 CGCS2000 Gauss-Kruger 3° 111°E</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="45"/>
        <source>EPSG:3857 Web Mercator</source>
        <translation>EPSG:3857 Web Mercator</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="47"/>
        <source>UTF-8 (带 .cpg)</source>
        <translation>UTF-8 (with .cpg)</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="48"/>
        <source>GBK (旧版 ArcGIS)</source>
        <translation>GBK (older ArcGIS)</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="50"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="55"/>
        <source>覆盖已有文件</source>
        <translation>Overwrite existing files</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="58"/>
        <source>图层</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="59"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="60"/>
        <source>坐标系</source>
        <translation>CRS</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="66"/>
        <source>Shapefile 文字编码</source>
        <translation>Shapefile text encoding</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="67"/>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="88"/>
        <source>此图层没有几何, 坐标系不影响导出</source>
        <translation>This layer has no geometry: the CRS does not change the export</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="92"/>
        <source>建议投影坐标系: %1 (中央经线 %2°E, 离范围中心最近); 范围最远边缘的长度变形约 %3 ppm (%4 m/km)</source>
        <translation>Suggested projected CRS: %1 (central meridian %2°E, the nearest to the extent&apos;s centre); scale error at the extent&apos;s farthest edge about %3 ppm (%4 m/km)</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="104"/>
        <source>导出到文件夹</source>
        <translation>Export to folder</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="105"/>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="125"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="125"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/gui/export_dialog.cpp" line="131"/>
        <source>正在导出 %1…</source>
        <translation>Exporting %1…</translation>
    </message>
</context>
<context>
    <name>app::gui::GoToDialog</name>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="21"/>
        <source>%1: 未填写</source>
        <translation>%1: not filled in</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="23"/>
        <source>%1: 无法识别“%2”; 请写十进制度 (106.71) 或度分秒 (106°42′30″)</source>
        <translation>%1: cannot read “%2”; write decimal degrees (106.71) or degrees, minutes and seconds (106°42′30″)</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="24"/>
        <source>%1: 分或秒 “%2” 须小于 60</source>
        <translation>%1: minutes or seconds “%2” must be below 60</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="25"/>
        <source>%1: “%2” 不是这一坐标轴的方向 (经度用 E/W 东/西, 纬度用 N/S 北/南)</source>
        <translation>%1: “%2” is not a direction of this axis (longitude takes E/W, latitude N/S)</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="26"/>
        <source>%1: “%2” 超出 -180° 至 180°</source>
        <translation>%1: “%2” is outside -180° to 180°</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="27"/>
        <source>%1: “%2” 超出 -90° 至 90°</source>
        <translation>%1: “%2” is outside -90° to 90°</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="29"/>
        <source>带号“%1”不是 CGCS2000 3° 带: 请写带号 25–45 或中央经线 75–135 (3 的倍数, 如 105、108)</source>
        <translation>Zone “%1” is not a CGCS2000 3° zone: write a zone number 25–45 or a central meridian 75–135 (a multiple of 3, e.g. 105, 108)</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="30"/>
        <source>缺少带号: 请填写带号或中央经线, 或写带前缀的 8 位东坐标 (如 36512345.6)</source>
        <translation>The zone is missing: fill in the zone number or central meridian, or write the 8-digit easting with its zone prefix (e.g. 36512345.6)</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="31"/>
        <source>东坐标“%1”的带号前缀与所填带号不符</source>
        <translation>The zone prefix of the easting “%1” differs from the zone given</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="32"/>
        <source>东坐标“%1”超出 0–1 000 000 m (去掉带号后)</source>
        <translation>The easting “%1” is outside 0–1,000,000 m (without the zone prefix)</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="33"/>
        <source>北坐标“%1”超出 0–10 000 000 m</source>
        <translation>The northing “%1” is outside 0–10,000,000 m</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="43"/>
        <source>定位到坐标</source>
        <translation>Go to coordinate</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="45"/>
        <source>经纬度 (CGCS2000, 度或度分秒)</source>
        <translation>Longitude/latitude (CGCS2000, degrees or d°m′s″)</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="46"/>
        <source>高斯-克吕格 3° 带 (CGCS2000, EPSG:4534–4554)</source>
        <translation>Gauss-Krüger 3° zone (CGCS2000, EPSG:4534–4554)</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="55"/>
        <source>带号或中央经线</source>
        <translation>Zone or central meridian</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="61"/>
        <source>坐标</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="82"/>
        <source>东坐标 E (m)</source>
        <translation>Easting E (m)</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="82"/>
        <location filename="../../app/gui/go_to_dialog.cpp" line="103"/>
        <source>经度</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="83"/>
        <source>北坐标 N (m)</source>
        <translation>Northing N (m)</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="83"/>
        <location filename="../../app/gui/go_to_dialog.cpp" line="106"/>
        <source>纬度</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="84"/>
        <source>512345.6 或 36512345.6</source>
        <translation>512345.6 or 36512345.6</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="84"/>
        <source>106.713 或 106°42′47″</source>
        <translation>106.713 or 106°42′47″</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="85"/>
        <source>2935000</source>
        <translation>2935000</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="85"/>
        <source>26.578 或 26°34′41″</source>
        <translation>26.578 or 26°34′41″</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="86"/>
        <source>36 或 108</source>
        <translation>36 or 108</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="110"/>
        <location filename="../../app/gui/go_to_dialog.cpp" line="118"/>
        <source>东坐标</source>
        <translation>Easting</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="112"/>
        <location filename="../../app/gui/go_to_dialog.cpp" line="117"/>
        <source>北坐标</source>
        <translation>Northing</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="125"/>
        <source>%1 无法换算为经纬度 (PROJ)</source>
        <translation>%1 cannot be converted to longitude/latitude (PROJ)</translation>
    </message>
    <message>
        <location filename="../../app/gui/go_to_dialog.cpp" line="131"/>
        <source>经度 %1° 纬度 %2° 不在贵州及其周边 (经度 %3°–%4°, 纬度 %5°–%6°)</source>
        <translation>Longitude %1° latitude %2° is not in or near Guizhou (longitude %3°–%4°, latitude %5°–%6°)</translation>
    </message>
</context>
<context>
    <name>app::gui::Info</name>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="34"/>
        <source>文件明确</source>
        <translation>in the document</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="34"/>
        <source>参考资料</source>
        <translation>reference source</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="34"/>
        <source>本项目假定</source>
        <translation>project assumption</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="186"/>
        <location filename="../../app/gui/info_html.cpp" line="453"/>
        <source>全省</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="110"/>
        <location filename="../../app/gui/info_html.cpp" line="129"/>
        <location filename="../../app/gui/info_html.cpp" line="203"/>
        <location filename="../../app/gui/info_html.cpp" line="245"/>
        <location filename="../../app/gui/info_html.cpp" line="253"/>
        <location filename="../../app/gui/info_html.cpp" line="313"/>
        <location filename="../../app/gui/info_html.cpp" line="439"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="203"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="203"/>
        <source>其他年份</source>
        <translation>Other years</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="203"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="130"/>
        <location filename="../../app/gui/info_html.cpp" line="148"/>
        <location filename="../../app/gui/info_html.cpp" line="203"/>
        <location filename="../../app/gui/info_html.cpp" line="236"/>
        <location filename="../../app/gui/info_html.cpp" line="245"/>
        <location filename="../../app/gui/info_html.cpp" line="253"/>
        <location filename="../../app/gui/info_html.cpp" line="259"/>
        <location filename="../../app/gui/info_html.cpp" line="313"/>
        <location filename="../../app/gui/info_html.cpp" line="439"/>
        <source>出处</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="108"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="128"/>
        <source>规划表述</source>
        <translation>Plan statements</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="129"/>
        <source>内容</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="146"/>
        <source>区域关系</source>
        <translation>Relations between units</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="148"/>
        <source>之间</source>
        <translation>Between</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="213"/>
        <location filename="../../app/gui/info_html.cpp" line="402"/>
        <source>简称</source>
        <translation>short name</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="213"/>
        <source>所属</source>
        <translation>in</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="217"/>
        <source>原名</source>
        <translation>formerly</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="219"/>
        <source>边界</source>
        <translation>Boundary</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="227"/>
        <source>融入</source>
        <translation>orbits</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="227"/>
        <source>贵阳市</source>
        <translation>Guiyang</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="227"/>
        <source>遵义市</source>
        <translation>Zunyi</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="235"/>
        <location filename="../../app/gui/info_html.cpp" line="407"/>
        <source>县城分类</source>
        <translation>County-seat classes</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="236"/>
        <source>未列入 GZ2023 四(八)23 的县城分类</source>
        <translation>Not in any county-seat class of GZ2023 4(8)23</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="236"/>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="236"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="241"/>
        <location filename="../../app/gui/info_html.cpp" line="250"/>
        <location filename="../../app/gui/info_html.cpp" line="310"/>
        <location filename="../../app/gui/info_html.cpp" line="436"/>
        <location filename="../../app/gui/info_html.cpp" line="486"/>
        <source>全部</source>
        <translation>whole</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="241"/>
        <location filename="../../app/gui/info_html.cpp" line="250"/>
        <location filename="../../app/gui/info_html.cpp" line="310"/>
        <location filename="../../app/gui/info_html.cpp" line="436"/>
        <source>部分</source>
        <translation>part</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="243"/>
        <source>所在分区</source>
        <translation>Zones</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="245"/>
        <source>分区</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="245"/>
        <source>格局</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="253"/>
        <source>区域中心城市</source>
        <translation>Regional central cities</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="253"/>
        <source>城市</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="253"/>
        <location filename="../../app/gui/info_html.cpp" line="439"/>
        <source>组成</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="257"/>
        <source>近似</source>
        <translation>approximate</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="257"/>
        <location filename="../../app/gui/info_html.cpp" line="380"/>
        <source>实测</source>
        <translation>surveyed</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="259"/>
        <source>节点与项目</source>
        <translation>Places and projects</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="356"/>
        <source>走向为示意: 连接各节点驻地的直线段</source>
        <translation>Schematic alignment: straight segments between the seats of its nodes</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="358"/>
        <source>; 省外端点为文中所写城市或县的驻地 (位置近似)</source>
        <translation>; an end outside Guizhou is the seat of the city or county the text names (position approximate)</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="360"/>
        <source>; 只写省名的端点止于出省界%1–%2公里处 (近似)</source>
        <translation>; an end named only by its province stops %1–%2 km beyond the provincial border (approximate)</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="147"/>
        <location filename="../../app/gui/info_html.cpp" line="259"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="147"/>
        <location filename="../../app/gui/info_html.cpp" line="259"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="259"/>
        <location filename="../../app/gui/info_html.cpp" line="379"/>
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="259"/>
        <location filename="../../app/gui/info_html.cpp" line="354"/>
        <location filename="../../app/gui/info_html.cpp" line="380"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="265"/>
        <source>适用目标</source>
        <translation>Targets that apply</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="266"/>
        <source>没有以本县、其分区、中心城市、节点或廊道为范围的目标</source>
        <translation>No target is scoped to this county, its zones, central city, places or corridors</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="268"/>
        <source>全省目标中涉及县城、县级、县域的</source>
        <translation>Province-wide targets about county seats, county-level units or counties</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="277"/>
        <source>其他全省目标</source>
        <translation>Other province-wide targets</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="279"/>
        <source>另有全省目标 %1 项 (展开)</source>
        <translation>%1 more province-wide targets (show)</translation>
    </message>
    <message>
        <source>另有全省目标 %1 项</source>
        <translation type="vanished">plus %1 province-wide targets</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="300"/>
        <source>功能</source>
        <translation>Functions</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="303"/>
        <source>图形</source>
        <translation>Drawn as</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="303"/>
        <source>示意范围: 圆形裁切到所含县级单位, 非官方边界</source>
        <translation>schematic extent: a circle clipped to its county-level units, not an official boundary</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="304"/>
        <source>所含县级单位的合并</source>
        <translation>union of its county-level units</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="313"/>
        <location filename="../../app/gui/info_html.cpp" line="404"/>
        <location filename="../../app/gui/info_html.cpp" line="439"/>
        <source>县级单位</source>
        <translation>County-level unit</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="313"/>
        <location filename="../../app/gui/info_html.cpp" line="406"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="316"/>
        <location filename="../../app/gui/info_html.cpp" line="443"/>
        <source>目标</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="355"/>
        <source>节点</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>走向为示意: 连接各节点县城的直线段</source>
        <translation type="vanished">Schematic alignment: straight segments between the county seats of its nodes</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="379"/>
        <source>位于</source>
        <translation>in</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="380"/>
        <source>近似 (置于县城)</source>
        <translation>approximate (placed at the county seat)</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="399"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="403"/>
        <source>面积 %L1 km²</source>
        <translation>area %L1 km²</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="419"/>
        <source>空间结构</source>
        <translation>Spatial structure</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="421"/>
        <source>主导产业</source>
        <translation>Leading industries</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="431"/>
        <source>定位</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../app/gui/info_html.cpp" line="480"/>
        <source>点击地图上的县、分区、廊道或节点查看规划内容。</source>
        <translation>Click a county, zone, corridor or place on the map to see what the plan says about it.</translation>
    </message>
</context>
<context>
    <name>app::gui::JoinDialog</name>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="168"/>
        <location filename="../../app/gui/stats_dialogs.cpp" line="222"/>
        <source>连接表格</source>
        <translation>Join a table</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="171"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="174"/>
        <source>XLSX: 默认第一个工作表</source>
        <translation>XLSX: the first sheet by default</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="187"/>
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="187"/>
        <source>键</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="187"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="196"/>
        <source>连接</source>
        <translation>Join</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="197"/>
        <source>上图</source>
        <translation>Map it</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="199"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="204"/>
        <source>表格 (CSV/XLSX)</source>
        <translation>Table (CSV/XLSX)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="205"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="206"/>
        <source>编码 (CSV)</source>
        <translation>Encoding (CSV)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="207"/>
        <source>键列 (县代码或名称)</source>
        <translation>Key column (county codes or names)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="208"/>
        <source>上图的数值列</source>
        <translation>Numeric column to map</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="217"/>
        <source>未匹配的行</source>
        <translation>Rows that match no county</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="222"/>
        <source>表格 (*.csv *.xlsx)</source>
        <translation>Tables (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="258"/>
        <source>无法读取表格 %1</source>
        <translation>Cannot read the table %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="284"/>
        <source>连接失败：</source>
        <translation>Join failed: </translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="302"/>
        <source>每个县都有一行</source>
        <translation>Every county has a row</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="302"/>
        <source>没有行的县 (%1): %2</source>
        <translation>Counties without a row (%1): %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="304"/>
        <source>%1 行中 %2 行匹配到县, %3 行未匹配</source>
        <translation>%2 of %1 rows match a county, %3 do not</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="336"/>
        <source>连接表格：%1 · %2</source>
        <translation>Joined table: %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="338"/>
        <source>%1 个匹配行的值不是数字, 未上图</source>
        <translation>%1 matched rows hold no number and are not mapped</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="339"/>
        <source>表格中没有此县</source>
        <translation>Not in the table</translation>
    </message>
</context>
<context>
    <name>app::gui::LayerPanel</name>
    <message>
        <location filename="../../app/gui/layer_panel.cpp" line="26"/>
        <source>基础地理</source>
        <translation>Base geography</translation>
    </message>
    <message>
        <location filename="../../app/gui/layer_panel.cpp" line="27"/>
        <source>一群三带</source>
        <translation>One cluster, three belts</translation>
    </message>
    <message>
        <location filename="../../app/gui/layer_panel.cpp" line="28"/>
        <source>规划分区 (一群三带 · 一核三心多组团)</source>
        <translation>Plan zones (one cluster three belts · one core three centres)</translation>
    </message>
    <message>
        <location filename="../../app/gui/layer_panel.cpp" line="29"/>
        <source>交通</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../../app/gui/layer_panel.cpp" line="30"/>
        <source>监测评估</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location filename="../../app/gui/layer_panel.cpp" line="165"/>
        <source>图层</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../app/gui/layer_panel.cpp" line="165"/>
        <source>不透明度</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <location filename="../../app/gui/layer_panel.cpp" line="170"/>
        <source>上移 (绘制在更上层)</source>
        <translation>Move up (drawn above)</translation>
    </message>
    <message>
        <location filename="../../app/gui/layer_panel.cpp" line="171"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
</context>
<context>
    <name>app::gui::MainWindow</name>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="96"/>
        <source>绘制 %1 ms</source>
        <translation>drawn in %1 ms</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="103"/>
        <source>图层 %1 的当前视图无法从数据库读取, 已在无此图层的情况下绘制; 移动或刷新地图将重试: %2</source>
        <translation>The current view of layer %1 could not be read from the database and was drawn without that layer; moving or refreshing the map tries again: %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="201"/>
        <source>无法打开出处: %1</source>
        <translation>Cannot open the source: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="334"/>
        <location filename="../../app/gui/main_window.cpp" line="389"/>
        <source>数据来源</source>
        <translation>Data sources</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="339"/>
        <source>贵州省新型城镇化规划图</source>
        <translation>Guizhou New Urbanisation Plan Map</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="343"/>
        <source>视图</source>
        <translation>Views</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="343"/>
        <source>地图</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="348"/>
        <source>全省</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="348"/>
        <source>缩放到全省 (Home)</source>
        <translation>Zoom to the province (Home)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="349"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="349"/>
        <source>放大 (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="350"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="350"/>
        <source>缩小 (-)</source>
        <translation>Zoom out (-)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="351"/>
        <source>缩放到所选</source>
        <translation>Zoom to selection</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="351"/>
        <source>缩放到所选 (Ctrl+J)</source>
        <translation>Zoom to selection (Ctrl+J)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="352"/>
        <location filename="../../app/gui/main_window_layers.cpp" line="39"/>
        <source>添加图层</source>
        <translation>Add layer</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="352"/>
        <source>添加矢量图层: GeoPackage、Shapefile、GeoJSON、FlatGeobuf… (Ctrl+O, 或拖放文件到窗口)</source>
        <translation>Add a vector layer: GeoPackage, Shapefile, GeoJSON, FlatGeobuf… (Ctrl+O, or drop files on the window)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="353"/>
        <location filename="../../app/gui/main_window.cpp" line="691"/>
        <location filename="../../app/gui/main_window.cpp" line="723"/>
        <source>导出地图</source>
        <translation>Export map</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="353"/>
        <source>导出当前视图为 PNG、SVG 或 PDF (Ctrl+S)</source>
        <translation>Export the current view as PNG, SVG or PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="354"/>
        <location filename="../../app/gui/main_window.cpp" line="551"/>
        <location filename="../../app/gui/main_window.cpp" line="556"/>
        <source>地图样式</source>
        <translation>Map style</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="354"/>
        <source>用样式文件绘制地图 (JSON: 复制 share/styles/default.json 后修改)</source>
        <translation>Draw the map with a style file (JSON: copy share/styles/default.json and change it)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="355"/>
        <location filename="../../app/gui/main_window.cpp" line="398"/>
        <source>实际数据</source>
        <translation>Actual figures</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="355"/>
        <source>实际数据：各目标的实际值、状态与判定规则；录入、更正、撤销与历史</source>
        <translation>Actual figures: each target&apos;s actual value, status and rule; enter, correct, undo and history</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="356"/>
        <source>属性表</source>
        <translation>Attribute table</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="356"/>
        <source>打开图层的属性表: 用户图层或规划图层 (县、区域、通道、地点…) (Ctrl+T)</source>
        <translation>Open a layer&apos;s attribute table: a user layer or a plan layer (counties, zones, corridors, places…) (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="357"/>
        <location filename="../../app/gui/main_window.cpp" line="679"/>
        <source>导出数据</source>
        <translation>Export data</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="357"/>
        <source>导出图层为 Shapefile、GeoPackage、GeoJSON、KML、CSV 或 DXF (Ctrl+E)</source>
        <translation>Export layers as Shapefile, GeoPackage, GeoJSON, KML, CSV or DXF (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="358"/>
        <source>测量距离</source>
        <translation>Measure distance</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="358"/>
        <source>测量椭球面距离 (CGCS2000): 单击添加点, 右键或 Esc 结束 (Ctrl+M)</source>
        <translation>Measure ellipsoidal distance (CGCS2000): click to add points, right-click or Esc to finish (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="359"/>
        <source>测量面积</source>
        <translation>Measure area</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="359"/>
        <source>测量椭球面面积 (CGCS2000): 单击添加顶点, 右键或 Esc 结束 (Ctrl+Shift+M)</source>
        <translation>Measure ellipsoidal area (CGCS2000): click to add vertices, right-click or Esc to finish (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="360"/>
        <source>定位到坐标</source>
        <translation>Go to coordinate</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="360"/>
        <source>定位到经纬度或高斯-克吕格坐标 (Ctrl+G)</source>
        <translation>Go to a longitude/latitude or Gauss-Krüger coordinate (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="366"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="369"/>
        <source>打开项目…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="370"/>
        <location filename="../../app/gui/main_window_project.cpp" line="178"/>
        <location filename="../../app/gui/main_window_project.cpp" line="188"/>
        <source>保存项目</source>
        <translation>Save project</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="371"/>
        <source>添加 PostGIS 图层… (Ctrl+Shift+O)</source>
        <translation>Add PostGIS layer… (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="372"/>
        <source>另存项目…</source>
        <translation>Save project as…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="375"/>
        <source>工具</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="377"/>
        <source>语言 Language</source>
        <translation>Language 语言</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="379"/>
        <source>投影</source>
        <translation>Projection</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="383"/>
        <source>CGCS2000 高斯-克吕格 3° 105°E (EPSG:4544)</source>
        <translation>CGCS2000 Gauss-Kruger 3° 105°E (EPSG:4544)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="384"/>
        <source>CGCS2000 高斯-克吕格 3° 108°E (EPSG:4545)</source>
        <translation>CGCS2000 Gauss-Kruger 3° 108°E (EPSG:4545)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="385"/>
        <source>Albers 等积 (中国)</source>
        <translation>Albers equal-area (China)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="388"/>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="392"/>
        <source>图层</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="393"/>
        <source>县城分类 (点击选中成员)</source>
        <translation>County-seat classes (click to select members)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="394"/>
        <source>信息</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="395"/>
        <source>县城分类表</source>
        <translation>Class membership table</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="396"/>
        <source>用户图层</source>
        <translation>User layers</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="397"/>
        <source>规划文件</source>
        <translation>Plan documents</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="401"/>
        <location filename="../../app/gui/main_window_tables.cpp" line="35"/>
        <source>属性表: %1</source>
        <translation>Attribute table: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="403"/>
        <location filename="../../app/gui/main_window_analysis.cpp" line="60"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="696"/>
        <source>包括选中要素的轮廓</source>
        <translation>Include the selection&apos;s outline</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="221"/>
        <source>%1: 无法读取 (GDAL 未说明原因)</source>
        <translation>%1: cannot be read (GDAL gave no reason)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="490"/>
        <source>无法切换投影: %1</source>
        <translation>Cannot switch the projection: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="511"/>
        <source>图层 %1 已移除: %2</source>
        <translation>Layer %1 removed: %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="545"/>
        <source>样式: %1</source>
        <translation>Style: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="551"/>
        <source>样式文件 (*.json)</source>
        <translation>Style files (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="556"/>
        <source>样式文件未采用:
%1</source>
        <translation>The style file was not used:
%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="40"/>
        <source>矢量数据</source>
        <translation>Vector data</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="40"/>
        <location filename="../../app/gui/main_window_project.cpp" line="164"/>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="45"/>
        <location filename="../../app/gui/main_window_layers.cpp" line="81"/>
        <location filename="../../app/gui/main_window_layers.cpp" line="148"/>
        <location filename="../../app/gui/main_window_layers.cpp" line="155"/>
        <location filename="../../app/gui/main_window_layers.cpp" line="252"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="46"/>
        <location filename="../../app/gui/main_window_layers.cpp" line="57"/>
        <location filename="../../app/gui/main_window_layers.cpp" line="82"/>
        <source>无法添加图层</source>
        <translation>Cannot add the layer</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="90"/>
        <source>正在加载 %1 …</source>
        <translation>Loading %1 …</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="90"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="200"/>
        <source>已添加 %1: 按视图从数据库读取, %2 个分辨率层级</source>
        <translation>Added %1: read from the database view by view, %2 resolution levels</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="201"/>
        <source>; 无概览表, 全省视图将读取整个表 (gzplan db overview 可生成概览)</source>
        <translation>; no overview tables: a view of the province reads the whole table (gzplan db overview makes them)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="216"/>
        <source>无法完整读取的要素</source>
        <translation>Features that cannot be read whole</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="217"/>
        <source>%1

跳过这些要素并加载其余要素? 跳过的数量会显示在状态栏.</source>
        <translation>%1

Skip these features and load the rest? The number skipped is shown in the status bar.</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="259"/>
        <source>无法添加数据库图层: %1</source>
        <translation>Cannot add the database layer: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="261"/>
        <source>无法添加图层 %1: 文件不存在</source>
        <translation>Cannot add layer %1: the file does not exist</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="263"/>
        <source>无法添加图层 %1: 没有读取权限</source>
        <translation>Cannot add layer %1: no permission to read it</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="265"/>
        <source>无法添加图层: %1 (GDAL 的说明)</source>
        <translation>Cannot add layer: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="265"/>
        <source>无法添加图层 %1: %2 (GDAL 的说明)</source>
        <translation>Cannot add layer %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="306"/>
        <source>图层 %1 无法从数据库读取: %2</source>
        <translation>Layer %1 cannot be read from the database: %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="338"/>
        <source>概览格网 %1° (gzplan db overview): 格内面积最大的类别, 非单个要素; 放大到 1:100,000 左右可查询要素</source>
        <translation>Overview cell of %1° (gzplan db overview): the category with the largest area in the cell, not a single feature; zoom in to about 1:100,000 to identify features</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="340"/>
        <source>PostGIS 表 %1, 要素 %2</source>
        <translation>PostGIS table %1, feature %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="376"/>
        <source>此处的用户图层要素</source>
        <translation>User features at this point</translation>
    </message>
    <message>
        <source>编码</source>
        <translation type="vanished">Encoding</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="223"/>
        <source>已添加 %1: %2 个要素, %3 s, 内存 %4 MB</source>
        <translation>Added %1: %2 features, %3 s, %4 MB in memory</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="228"/>
        <source>; 跳过 %1 个无法读取的要素</source>
        <translation>; %1 unreadable features skipped</translation>
    </message>
    <message>
        <source>无法添加图层: %1</source>
        <translation type="vanished">Cannot add the layer: %1</translation>
    </message>
    <message>
        <source>无法添加图层 %1: %2</source>
        <translation type="vanished">Cannot add the layer %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="350"/>
        <source>用户图层, 要素 %1</source>
        <translation>User layer, feature %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_layers.cpp" line="348"/>
        <location filename="../../app/gui/main_window_layers.cpp" line="358"/>
        <source>来源: %1 (用户数据, 非规划文件)</source>
        <translation>Source: %1 (user data, not a plan document)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="679"/>
        <source>没有可导出的图层</source>
        <translation>No layers to export</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="684"/>
        <source>已导出 %1 个要素, %2 个文件</source>
        <translation>Exported %1 features, %2 files</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="692"/>
        <source>PDF A4 横向 (*.pdf);;PDF A3 横向 (*.pdf);;PNG 150 dpi (*.png);;SVG (*.svg)</source>
        <translation>PDF A4 landscape (*.pdf);;PDF A3 landscape (*.pdf);;PNG 150 dpi (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <source>地图 (*.pdf *.png *.svg)</source>
        <translation type="vanished">Maps (*.pdf *.png *.svg)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="720"/>
        <source>规划: GZ2023, GY2025 · 数据: %1 · 边界与位置仅供规划示意</source>
        <translation>Plans: GZ2023, GY2025 · Data: %1 · boundaries and positions for planning illustration only</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="725"/>
        <source>已导出 %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="758"/>
        <source>经度 %1° 纬度 %2° (CGCS2000)   高斯-克吕格 %3: E %4 m  N %5 m</source>
        <translation>Lon %1° Lat %2° (CGCS2000)   Gauss-Kruger %3: E %4 m  N %5 m</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window.cpp" line="769"/>
        <source>比例尺 1:%L1</source>
        <translation>Scale 1:%L1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_project.cpp" line="46"/>
        <source>经度 %1° 纬度 %2° 无法换算到地图的投影 %3</source>
        <translation>Longitude %1° latitude %2° cannot be converted to the map&apos;s projection %3</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_project.cpp" line="53"/>
        <source>已定位到 经度 %1° 纬度 %2° (CGCS2000)</source>
        <translation>Centred on longitude %1° latitude %2° (CGCS2000)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_project.cpp" line="83"/>
        <source>已保存项目 %1</source>
        <translation>Project saved: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_project.cpp" line="104"/>
        <source>投影 %1 无法使用, 地图仍用 %2</source>
        <translation>The projection %1 cannot be used; the map stays in %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_project.cpp" line="110"/>
        <source>%1: 文件不存在</source>
        <translation>%1: the file does not exist</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_project.cpp" line="130"/>
        <source>%1: 保存的选择中有 %2 个要素已不在文件中 (文件在保存项目后改变了?), 其余 %3 个已选中</source>
        <translation>%1: %2 features of the saved selection are no longer in the file (did it change after the project was saved?); the other %3 are selected</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_project.cpp" line="140"/>
        <source>未知视图“%1”, 已显示行政区划</source>
        <translation>Unknown view “%1”; the administrative divisions are shown</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_project.cpp" line="154"/>
        <source>项目 %1 已打开, 但以下内容未能恢复:
%2</source>
        <translation>Project %1 is open, but these could not be restored:
%2</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_project.cpp" line="156"/>
        <source>已打开项目 %1</source>
        <translation>Project opened: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_project.cpp" line="164"/>
        <location filename="../../app/gui/main_window_project.cpp" line="170"/>
        <source>打开项目</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_project.cpp" line="164"/>
        <location filename="../../app/gui/main_window_project.cpp" line="179"/>
        <source>gzplan 项目</source>
        <translation>gzplan project</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_project.cpp" line="178"/>
        <source>另存项目</source>
        <translation>Save project as</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_tables.cpp" line="56"/>
        <location filename="../../app/gui/main_window_tables.cpp" line="93"/>
        <source>无法打开属性表: %1</source>
        <translation>Cannot open the attribute table: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_tables.cpp" line="86"/>
        <source>无法打开属性表: 没有规划图层 “%1”</source>
        <translation>Cannot open the attribute table: there is no plan layer “%1”</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_tables.cpp" line="111"/>
        <location filename="../../app/gui/main_window_tables.cpp" line="126"/>
        <source>规划: %1</source>
        <translation>Plan: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_analysis.cpp" line="56"/>
        <source>按位置选择…</source>
        <translation>Select by location…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_analysis.cpp" line="58"/>
        <source>连接表格…</source>
        <translation>Join a table…</translation>
    </message>
    <message>
        <location filename="../../app/gui/main_window_analysis.cpp" line="107"/>
        <source>按位置选择: %1 中 %2 个要素</source>
        <translation>Selected by location: %2 features of %1</translation>
    </message>
</context>
<context>
    <name>app::gui::MapCanvas</name>
    <message>
        <location filename="../../app/gui/map_canvas.cpp" line="178"/>
        <source>%L1 m</source>
        <translation>%L1 m</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_canvas.cpp" line="178"/>
        <source>%L1 km</source>
        <translation>%L1 km</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_canvas.cpp" line="182"/>
        <source>%L1 公顷</source>
        <translation>%L1 ha</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_canvas.cpp" line="183"/>
        <source>%L1 m²</source>
        <translation>%L1 m²</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_canvas.cpp" line="183"/>
        <source>%L1 km²</source>
        <translation>%L1 km²</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_canvas.cpp" line="190"/>
        <source>测量距离: 单击添加点, 右键或 Esc 结束</source>
        <translation>Measure distance: click to add points, right-click or Esc to finish</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_canvas.cpp" line="191"/>
        <source>测量面积: 单击添加顶点, 右键或 Esc 结束</source>
        <translation>Measure area: click to add vertices, right-click or Esc to finish</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_canvas.cpp" line="193"/>
        <source>椭球面 CGCS2000</source>
        <translation>ellipsoidal, CGCS2000</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_canvas.cpp" line="195"/>
        <source>本段 %1 · 总长 %2</source>
        <translation>Segment %1 · total %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/map_canvas.cpp" line="196"/>
        <source>面积 %1 · 周长 %2</source>
        <translation>Area %1 · perimeter %2</translation>
    </message>
</context>
<context>
    <name>app::gui::MembershipTable</name>
    <message>
        <location filename="../../app/gui/membership_table.cpp" line="89"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../app/gui/membership_table.cpp" line="89"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/gui/membership_table.cpp" line="89"/>
        <source>市州</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <location filename="../../app/gui/membership_table.cpp" line="92"/>
        <source>类别数</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../../app/gui/membership_table.cpp" line="96"/>
        <source>筛选: 名称、代码、市州…</source>
        <translation>Filter: name, code, prefecture…</translation>
    </message>
</context>
<context>
    <name>app::gui::MessageBar</name>
    <message>
        <location filename="../../app/gui/message_bar.cpp" line="69"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>app::gui::PostgisDialog</name>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="20"/>
        <source>添加 PostGIS 图层</source>
        <translation>Add PostGIS layer</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="22"/>
        <source>连接字符串: host=… port=5432 dbname=… user=…, postgresql://…, 或 service=… (pg_service.conf)。密码请放在 ~/.pgpass 或 PGPASSWORD 中: 项目文件与窗口中均不显示密码。</source>
        <translation>Connection string: host=… port=5432 dbname=… user=…, postgresql://…, or service=… (pg_service.conf). Keep the password in ~/.pgpass or PGPASSWORD: it is shown neither in project files nor in the window.</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="32"/>
        <source>连接并列出表</source>
        <translation>Connect and list tables</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="40"/>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="40"/>
        <source>几何类型</source>
        <translation>Geometry type</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="40"/>
        <source>SRID</source>
        <translation>SRID</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="40"/>
        <source>行数 (估计)</source>
        <translation>Rows (estimate)</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="40"/>
        <source>空间索引</source>
        <translation>Spatial index</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="40"/>
        <source>概览表</source>
        <translation>Overviews</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="51"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="52"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="101"/>
        <source>无法列出表: %1</source>
        <translation>Cannot list the tables: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="107"/>
        <source>此数据库中没有您可读取的带几何列的表</source>
        <translation>This database has no table with a geometry column that you may read</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="115"/>
        <source>未分析</source>
        <translation>not analysed</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="116"/>
        <location filename="../../app/gui/postgis_dialog.cpp" line="117"/>
        <source>有</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="116"/>
        <location filename="../../app/gui/postgis_dialog.cpp" line="117"/>
        <source>无</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../app/gui/postgis_dialog.cpp" line="139"/>
        <source>表 %1 的几何列 %2 没有空间索引, 每个视图都要读取整个表。请表的所有者先创建索引: CREATE INDEX ON %1 USING gist (%2)</source>
        <translation>Table %1 has no spatial index on its geometry column %2, so every view would read the whole table. Ask the table&apos;s owner to create one first: CREATE INDEX ON %1 USING gist (%2)</translation>
    </message>
</context>
<context>
    <name>app::gui::Progress</name>
    <message>
        <location filename="../../app/gui/progress_panel.cpp" line="63"/>
        <source>%1 项目标：达标 %2，未达标 %3，进度正常 %4，进度滞后 %5，无法判定 %6，无数据 %7</source>
        <translation>%1 targets: %2 met, %3 not met, %4 on track, %5 behind, %6 undetermined, %7 no figure</translation>
    </message>
    <message>
        <location filename="../../app/gui/progress_panel.cpp" line="110"/>
        <source>目标进展：点击地图上的县、中心城市、分区或廊道，列出此处各范围的目标、实际值、状态、判定规则、数据来源与条款原文。</source>
        <translation>Target progress: click a county, central city, zone or corridor on the map to list the targets of every scope there with their actual value, status, rule, source and the clause&apos;s words.</translation>
    </message>
    <message>
        <location filename="../../app/gui/progress_panel.cpp" line="111"/>
        <source>目标进展</source>
        <translation>Target progress</translation>
    </message>
    <message>
        <location filename="../../app/gui/progress_panel.cpp" line="113"/>
        <source>没有进展数据：未读取实际数据库（--actuals）。</source>
        <translation>No progress data: the figures&apos; store (--actuals) was not read.</translation>
    </message>
    <message>
        <location filename="../../app/gui/progress_panel.cpp" line="115"/>
        <source>截至 %1 年的数据</source>
        <translation>Figures up to %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/progress_panel.cpp" line="133"/>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/gui/progress_panel.cpp" line="133"/>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../app/gui/progress_panel.cpp" line="133"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/gui/progress_panel.cpp" line="145"/>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../app/gui/progress_panel.cpp" line="148"/>
        <source>判定规则：%1</source>
        <translation>Rule: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/progress_panel.cpp" line="150"/>
        <source>数据来源：%1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/progress_panel.cpp" line="150"/>
        <source>条款：</source>
        <translation>Clause: </translation>
    </message>
</context>
<context>
    <name>app::gui::Project</name>
    <message>
        <location filename="../../app/gui/project.cpp" line="117"/>
        <location filename="../../app/gui/project.cpp" line="120"/>
        <source>无法写入项目文件 %1: %2</source>
        <translation>Cannot write the project file %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="134"/>
        <source>项目文件 %1 不存在</source>
        <translation>The project file %1 does not exist</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="136"/>
        <source>无法读取项目文件 %1: %2</source>
        <translation>Cannot read the project file %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="140"/>
        <source>项目文件 %1 不是有效的 JSON (第 %2 个字节: %3)</source>
        <translation>The project file %1 is not valid JSON (at byte %2: %3)</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="142"/>
        <source>%1 不是 gzplan 项目文件 (缺少 &quot;version&quot;)</source>
        <translation>%1 is not a gzplan project file (no &quot;version&quot;)</translation>
    </message>
    <message>
        <source>项目文件 %1 的版本 %2 无法读取 (此版本的 gzplan 读取版本 %3)</source>
        <translation type="vanished">The project file %1 has version %2, which this gzplan cannot read (it reads version %3)</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="146"/>
        <source>项目文件 %1 的版本 %2 无法读取 (此版本的 gzplan 读取版本 %3 到 %4)</source>
        <translation>The project file %1 has version %2, which this gzplan cannot read (it reads versions %3 to %4)</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="152"/>
        <source>项目文件 %1: “%2” 应为%3</source>
        <translation>Project file %1: “%2” should be %3</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="158"/>
        <source> zh 或 en</source>
        <translation> zh or en</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="162"/>
        <source>视图名 (文本)</source>
        <translation> a view id (text)</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="167"/>
        <source>对象</source>
        <translation> an object</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="170"/>
        <source>坐标参考系 (文本)</source>
        <translation> a CRS (text)</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="174"/>
        <source>两个数 [x, y]</source>
        <translation> two numbers [x, y]</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="178"/>
        <source>正数</source>
        <translation> a positive number</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="187"/>
        <source>数组</source>
        <translation> an array</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="192"/>
        <source>文件路径 (文本)</source>
        <translation> a file path (text)</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="200"/>
        <source>0 到 1 之间的数</source>
        <translation> a number from 0 to 1</translation>
    </message>
    <message>
        <location filename="../../app/gui/project.cpp" line="207"/>
        <source>要素编号的数组 (整数, 或 [起, 止] 的区间)</source>
        <translation> an array of feature ids (whole numbers, or ranges [first, last])</translation>
    </message>
</context>
<context>
    <name>app::gui::SearchBox</name>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="21"/>
        <source>县级单位</source>
        <translation>county</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="22"/>
        <source>市州</source>
        <translation>prefecture</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="23"/>
        <source>县城分类</source>
        <translation>county-seat class</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="24"/>
        <source>分区</source>
        <translation>zone</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="26"/>
        <source>廊道</source>
        <translation>corridor</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="27"/>
        <source>节点</source>
        <translation>place</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="28"/>
        <source>规划表述</source>
        <translation>Plan statement</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="41"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="112"/>
        <source>原</source>
        <translation>formerly</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="143"/>
        <source>搜索县、市州、县城分类、分区、中心城市、廊道、节点、规划表述… (名称、简称、旧名或代码)</source>
        <translation>Search counties, prefectures, county-seat classes, zones, central cities, corridors, places, plan statements… (name, short or old name, or code)</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="198"/>
        <source>; 请输入县、市州、县城分类、分区、中心城市、廊道、节点或规划表述的名称、简称或代码</source>
        <translation>; type the name, short name or code of a county, prefecture, county-seat class, zone, central city, corridor, place or plan statement</translation>
    </message>
    <message>
        <source>搜索县、市州、县城分类、分区、中心城市、廊道、节点… (名称、简称、旧名或代码)</source>
        <translation type="vanished">Search counties, prefectures, county-seat classes, zones, central cities, corridors, places… (name, short name, old name or code)</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="191"/>
        <source>“%1”有 %2 个结果, 请在搜索框下的列表中选择: %3</source>
        <translation>“%1” names %2 objects; choose one in the list under the search box: %3</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="196"/>
        <source>找不到“%1”</source>
        <translation>Nothing named “%1”</translation>
    </message>
    <message>
        <source>; 请输入县、市州、县城分类、分区、中心城市、廊道或节点的名称、简称或代码</source>
        <translation type="vanished">; type the name, short name or code of a county, prefecture, county-seat class, zone, central city, corridor or place</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="200"/>
        <source>; 可选: %1</source>
        <translation>; choose one of: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="202"/>
        <source>; 是否要找: %1</source>
        <translation>; did you mean: %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/search_box.cpp" line="25"/>
        <source>区域中心城市</source>
        <translation>regional central city</translation>
    </message>
</context>
<context>
    <name>app::gui::SelectByExpressionDialog</name>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="328"/>
        <source>按表达式选择 · %1</source>
        <translation>Select by expression · %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="330"/>
        <source>表达式 (GDAL SQL 的 WHERE 条件), 例如 landuse = &apos;林地&apos; AND area_m2 &gt; 10000</source>
        <translation>Expression (a WHERE condition of GDAL SQL), e.g. landuse = &apos;forest&apos; AND area_m2 &gt; 10000</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="342"/>
        <source>选择</source>
        <translation>Select</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="343"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/gui/attribute_table.cpp" line="359"/>
        <source>已选择 %1 个要素</source>
        <translation>%1 features selected</translation>
    </message>
</context>
<context>
    <name>app::gui::SelectDialog</name>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="55"/>
        <source>按位置选择</source>
        <translation>Select by location</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="63"/>
        <source>位于其中 (内点)</source>
        <translation>Within (inside point)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="64"/>
        <source>与之相交</source>
        <translation>Intersecting</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="80"/>
        <source>选择</source>
        <translation>Select</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="81"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="83"/>
        <source>图层</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="84"/>
        <source>位置关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="85"/>
        <source>规划单位</source>
        <translation>Plan unit</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="86"/>
        <source>通道附近 (名称:距离)</source>
        <translation>Near a corridor (name:distance)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="87"/>
        <source>条件</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="109"/>
        <source>已选择 %1 个要素</source>
        <translation>%1 features selected</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="131"/>
        <location filename="../../app/gui/stats_dialogs.cpp" line="144"/>
        <location filename="../../app/gui/stats_dialogs.cpp" line="147"/>
        <location filename="../../app/gui/stats_dialogs.cpp" line="152"/>
        <source>选择失败：</source>
        <translation>Selection failed: </translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="131"/>
        <source>没有用户图层: 先添加图层 (Ctrl+O)</source>
        <translation>No user layer: add one first (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="147"/>
        <source>没有条件: 输入规划单位、通道或属性条件</source>
        <translation>No condition: type a plan unit, a corridor or an attribute condition</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_dialogs.cpp" line="150"/>
        <source>正在选择…</source>
        <translation>Selecting…</translation>
    </message>
</context>
<context>
    <name>app::gui::StatsPanel</name>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="114"/>
        <source>统计：%1 %2（%3）· 按%4%5</source>
        <translation>Statistics: %1 %2 (%3) · by %4%5</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="117"/>
        <source>每个单位的值填充其所属的县 (部分成员的分区与通道: 所涉及的县)</source>
        <translation>Each unit&apos;s value fills its member counties (zones with partial members and corridors: the counties they touch)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="119"/>
        <source>属于多个单位的县显示最大值</source>
        <translation>A county in several units shows the largest value</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="120"/>
        <source>不属于任何单位</source>
        <translation>In no unit</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="248"/>
        <source>公顷</source>
        <translation>ha</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="284"/>
        <source>导出统计表</source>
        <translation>Export the statistics table</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="284"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="337"/>
        <source>(不分组)</source>
        <translation>(no groups)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="345"/>
        <location filename="../../app/gui/stats_panel.cpp" line="433"/>
        <source>要素数</source>
        <translation>Feature count</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="347"/>
        <source>面积</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="349"/>
        <source>长度</source>
        <translation>Length</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="351"/>
        <source>合计 %1</source>
        <translation>Sum of %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="352"/>
        <source>平均 %1</source>
        <translation>Mean of %1</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="377"/>
        <location filename="../../app/gui/stats_panel.cpp" line="393"/>
        <location filename="../../app/gui/stats_panel.cpp" line="408"/>
        <source>统计失败：</source>
        <translation>Statistics failed: </translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="377"/>
        <source>没有用户图层: 先添加图层 (Ctrl+O)</source>
        <translation>No user layer: add one first (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="408"/>
        <source>统计已取消</source>
        <translation>Statistics cancelled</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="428"/>
        <source>个</source>
        <translation>features</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="433"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="433"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="433"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="433"/>
        <source>值 (%1)</source>
        <translation>Value (%1)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="433"/>
        <location filename="../../app/gui/stats_panel.cpp" line="447"/>
        <source>示意</source>
        <translation>schematic</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="455"/>
        <location filename="../../app/gui/stats_panel.cpp" line="475"/>
        <source>全部分组</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="458"/>
        <source>%1 个要素</source>
        <translation>%1 features</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="469"/>
        <source>读取 %1 个要素, 其中 %2 个在边界处切分; %3 s</source>
        <translation>Read %1 features, %2 of them cut at a boundary; %3 s</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="540"/>
        <source>%1 (最大的 %2 个单位, 共 %3 个)</source>
        <translation>%1 (the largest %2 of %3 units)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="567"/>
        <source>没有统计结果可导出</source>
        <translation>No statistics to export</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="571"/>
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="584"/>
        <source>图层</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="585"/>
        <source>统计单位</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="586"/>
        <source>分组字段</source>
        <translation>Group field</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="587"/>
        <source>度量</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="588"/>
        <source>条件</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="589"/>
        <source>专题图</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="590"/>
        <source>县级单位</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="590"/>
        <source>市州</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="590"/>
        <source>县城类型</source>
        <translation>County-seat class</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="590"/>
        <source>布局分区</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="590"/>
        <source>区域中心城市</source>
        <translation>Regional central cities</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="590"/>
        <source>通道 (距离)</source>
        <translation>Corridor (distance)</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="593"/>
        <source>通道两侧的距离, 带单位: 10km、500m、2.5公里</source>
        <translation>Distance either side of the corridor, with a unit: 10km, 500m, 2.5公里</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="594"/>
        <source>属性条件 (GDAL SQL): landuse = &apos;林地&apos; AND area_m2 &gt; 1000</source>
        <translation>Attribute condition (GDAL SQL): landuse = &apos;林地&apos; AND area_m2 &gt; 1000</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="595"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="596"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="597"/>
        <source>导出表格…</source>
        <translation>Export table…</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="598"/>
        <source>导出地图…</source>
        <translation>Export map…</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="599"/>
        <source>清除专题图</source>
        <translation>Clear the map</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="601"/>
        <source>表格</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="602"/>
        <source>图表与专题图</source>
        <translation>Chart and map</translation>
    </message>
    <message>
        <location filename="../../app/gui/stats_panel.cpp" line="603"/>
        <source>方法与说明</source>
        <translation>Method and notes</translation>
    </message>
</context>
<context>
    <name>app::gui::UserLayerPanel</name>
    <message>
        <location filename="../../app/gui/user_layer_panel.cpp" line="53"/>
        <source>属性表</source>
        <translation>Attribute table</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_layer_panel.cpp" line="102"/>
        <source>%1
%2 个要素, %3 个顶点; 分类字段: %4</source>
        <translation>%1
%2 features, %3 vertices; styled by: %4</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_layer_panel.cpp" line="100"/>
        <location filename="../../app/gui/user_layer_panel.cpp" line="106"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_layer_panel.cpp" line="97"/>
        <source>%1
按视图从数据库读取 (%2 个分辨率层级); 分类字段: %3</source>
        <translation>%1
Read from the database view by view (%2 resolution levels); category field: %3</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_layer_panel.cpp" line="114"/>
        <location filename="../../app/gui/user_layer_panel.cpp" line="143"/>
        <source>不透明度</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_layer_panel.cpp" line="120"/>
        <source>绘于规划图层之上</source>
        <translation>Draw above the plan layers</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_layer_panel.cpp" line="121"/>
        <source>勾选: 覆盖规划分区、县城分类、交通与节点; 不勾选 (默认): 绘于县级底色之上、规划图层之下</source>
        <translation>Ticked: drawn over the plan’s zones, county classes, transport and places; unticked (default): drawn over the county fills and under the plan layers</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_layer_panel.cpp" line="130"/>
        <source>全部要素</source>
        <translation>All features</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_layer_panel.cpp" line="130"/>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location filename="../../app/gui/user_layer_panel.cpp" line="143"/>
        <source>图层</source>
        <translation>Layers</translation>
    </message>
</context>
<context>
    <name>app::render::Language</name>
    <message>
        <location filename="../../app/render/language.h" line="14"/>
        <source>中文</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>app::render::Legend</name>
    <message>
        <location filename="../../app/render/layout_layers.cpp" line="149"/>
        <source> (示意)</source>
        <translation> (schematic)</translation>
    </message>
    <message>
        <location filename="../../app/render/layout_layers.cpp" line="254"/>
        <source>%1 %2万</source>
        <translation>%1 %2×10k</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="44"/>
        <source>区域关系 (一体化、同城化, 示意)</source>
        <translation>Relations between units (integration, same-city; schematic)</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="60"/>
        <source>未列入分类 (%1)</source>
        <translation>No class (%1)</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="61"/>
        <source>多类县城按类别分色条纹显示</source>
        <translation>Counties in several classes are striped</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="66"/>
        <source>黔中城市群</source>
        <translation>Central Guizhou urban agglomeration</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="68"/>
        <source>贵阳—贵安—安顺都市圈 (范围示意)</source>
        <translation>Guiyang–Gui&apos;an–Anshun metropolitan area (extent assumed)</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="74"/>
        <source>区域中心城市 (面积∝2025年人口目标)</source>
        <translation>Regional central city (area ∝ 2025 population target)</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="79"/>
        <source>一核</source>
        <translation>One core</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="80"/>
        <source>三心</source>
        <translation>Three centres</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="81"/>
        <source>多组团 (县城, 范围示意)</source>
        <translation>Clusters (county seats, extent schematic)</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="82"/>
        <source>一市三县</source>
        <translation>One city, three counties</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="83"/>
        <source>贵安新区 (跨四县区部分, 范围示意)</source>
        <translation>Gui&apos;an New Area (parts of four units, extent schematic)</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="88"/>
        <source>高速铁路</source>
        <translation>High-speed rail</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="89"/>
        <source>铁路</source>
        <translation>Railway</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="90"/>
        <source>高速公路</source>
        <translation>Expressway</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="91"/>
        <source>城市快速干道</source>
        <translation>Urban expressway</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="92"/>
        <source>城市轨道交通</source>
        <translation>Urban rail transit</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="93"/>
        <source>航道</source>
        <translation>Waterway</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="96"/>
        <source>在建/加快建设</source>
        <translation>Under construction</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="97"/>
        <source>开工/推进/规划</source>
        <translation>To start / planned</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="98"/>
        <source>研究/前期工作</source>
        <translation>Study / preparatory work</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="103"/>
        <source>省外端点 (城市或县的驻地, 位置近似)</source>
        <translation>Ends outside Guizhou (seat of a city or county, position approximate)</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="104"/>
        <source>只写省名的端点: 出省界%1–%2公里 (近似)</source>
        <translation>Ends named only by province: %1–%2 km beyond the border (approximate)</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="106"/>
        <source>空心符号: 位置近似 (置于县城)</source>
        <translation>Hollow symbols: approximate position (at the county seat)</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="136"/>
        <source>全部要素</source>
        <translation>All features</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="137"/>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="143"/>
        <source>其余 %1 类</source>
        <translation>%1 more categories</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="144"/>
        <source>其余 %1 类 (%2)</source>
        <translation>%1 more categories (%2)</translation>
    </message>
    <message>
        <location filename="../../app/render/legend.cpp" line="146"/>
        <source>按视图读取 (小比例尺: 概览网格)</source>
        <translation>Read by view (small scales: an overview grid)</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="74"/>
        <source>%1 无数据</source>
        <translation>%1 no figure</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="79"/>
        <source>%1 %2%（%3年）</source>
        <translation>%1 %2% (%3)</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="98"/>
        <source>%1 %2/%3（%4）</source>
        <translation>%1 %2/%3 (%4)</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="394"/>
        <source>指标“%1”: 实际/目标</source>
        <translation>Indicator “%1”: actual / target</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="397"/>
        <source>低于 %1%</source>
        <translation>below %1%</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="398"/>
        <source>%1% 及以上</source>
        <translation>%1% and above</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="403"/>
        <source>中心城市所辖县: 目标达标比例</source>
        <translation>Counties of central cities: share of targets met</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="407"/>
        <source>有目标, 无实际数据</source>
        <translation>targets, no actual figures</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="408"/>
        <source>不属任何有目标的中心城市</source>
        <translation>in no central city with targets</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="411"/>
        <source>城市群、都市圈等分区 (轮廓同色)</source>
        <translation>agglomeration, metropolitan area and other zones (outline, same colours)</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="422"/>
        <source>有目标的交通项目 (同色)</source>
        <translation>transport projects with targets (same colours)</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="424"/>
        <source>有目标的交通设施 (单点, 同色)</source>
        <translation>transport facilities with targets (one point, same colours)</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="427"/>
        <source>中心城市: 圆面积∝2025年人口目标, 内环∝实际人口</source>
        <translation>central city: circle area ∝ 2025 population target, inner ring ∝ actual population</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="429"/>
        <source>虚线圆: 无实际人口数据</source>
        <translation>dashed circle: no actual population figure</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="431"/>
        <source>标注: 名称 达标数/目标数（有数据的目标数）</source>
        <translation>labels: name met/targets (targets with figures)</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="446"/>
        <source>全省目标 %1 项</source>
        <translation>Province-wide targets: %1</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="447"/>
        <source>达标 %1 · 未达标 %2 · 进度正常 %3</source>
        <translation>met %1 · not met %2 · on track %3</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="448"/>
        <source>进度滞后 %1 · 无数据 %2 · 无法判定 %3</source>
        <translation>behind %1 · no figure %2 · undetermined %3</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="451"/>
        <source>无实际数据: 各目标均按“无数据”显示</source>
        <translation>no actual figures: every target shown as “no figure”</translation>
    </message>
    <message>
        <location filename="../../app/render/progress_layers.cpp" line="453"/>
        <source>截至 %1 年的数据</source>
        <translation>figures up to %1</translation>
    </message>
    <message>
        <location filename="../../app/render/choropleth.cpp" line="92"/>
        <source>无数值</source>
        <translation>No value</translation>
    </message>
</context>
<context>
    <name>app::render::MapLayout</name>
    <message>
        <location filename="../../app/render/map_layout.cpp" line="20"/>
        <source>贵州省行政区划 · %1 个县级行政区</source>
        <translation>Guizhou administrative divisions · %1 county-level units</translation>
    </message>
    <message>
        <location filename="../../app/render/map_layout.cpp" line="21"/>
        <source>贵州省新型城镇化 · %1</source>
        <translation>Guizhou New Urbanisation · %1</translation>
    </message>
    <message>
        <location filename="../../app/render/map_layout.cpp" line="121"/>
        <source>贵阳中心城区</source>
        <translation>Central Guiyang</translation>
    </message>
</context>
<context>
    <name>app::render::MapViews</name>
    <message>
        <location filename="../../app/render/map_views.cpp" line="15"/>
        <source>行政区划</source>
        <translation>Administrative</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="16"/>
        <source>县城分类</source>
        <translation>County-seat classes</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="17"/>
        <source>一群三带</source>
        <translation>One cluster, three belts</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="18"/>
        <source>一核三心多组团</source>
        <translation>One core, three centres</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="19"/>
        <source>交通廊道与枢纽</source>
        <translation>Transport corridors and hubs</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="20"/>
        <location filename="../../app/render/map_views.cpp" line="39"/>
        <source>目标进展</source>
        <translation>Target progress</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="28"/>
        <source>周边省区</source>
        <translation>Neighbouring provinces</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="29"/>
        <source>县级行政区</source>
        <translation>Counties</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="30"/>
        <source>河流</source>
        <translation>Rivers</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="31"/>
        <source>规划分区</source>
        <translation>Plan zones</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="32"/>
        <source>市州界</source>
        <translation>Prefecture borders</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="33"/>
        <source>省界</source>
        <translation>Province border</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="34"/>
        <source>发展带</source>
        <translation>Development belts</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="35"/>
        <source>区域关系</source>
        <translation>Relations between units</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="36"/>
        <source>交通项目</source>
        <translation>Transport projects</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="37"/>
        <source>省外端点驻地</source>
        <translation>Seats at project ends outside Guizhou</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="38"/>
        <source>区域中心城市</source>
        <translation>Regional central cities</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="40"/>
        <source>节点与枢纽</source>
        <translation>Places and hubs</translation>
    </message>
    <message>
        <location filename="../../app/render/map_views.cpp" line="41"/>
        <source>注记</source>
        <translation>Labels</translation>
    </message>
</context>
<context>
    <name>app::report::Text</name>
    <message>
        <location filename="../../app/report/report_charts.cpp" line="102"/>
        <location filename="../../app/report/report_charts.cpp" line="163"/>
        <source>各章节指标状态（个）</source>
        <translation>Status of the targets by chapter (count)</translation>
    </message>
    <message>
        <location filename="../../app/report/report_charts.cpp" line="123"/>
        <location filename="../../app/report/report_writers.cpp" line="111"/>
        <location filename="../../app/report/report_writers.cpp" line="217"/>
        <source>指标数</source>
        <translation>targets</translation>
    </message>
    <message>
        <location filename="../../app/report/report_charts.cpp" line="133"/>
        <location filename="../../app/report/report_writers.cpp" line="143"/>
        <location filename="../../app/report/report_writers.cpp" line="344"/>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/report/report_charts.cpp" line="134"/>
        <source>实际（无数据为 0）</source>
        <translation>Actual (0 without a figure)</translation>
    </message>
    <message>
        <location filename="../../app/report/report_charts.cpp" line="153"/>
        <source>万人</source>
        <translation>10,000 people</translation>
    </message>
    <message>
        <location filename="../../app/report/report_model.cpp" line="117"/>
        <source>规划目标进展评估报告</source>
        <translation>Evaluation report: progress of the plan&apos;s targets</translation>
    </message>
    <message>
        <location filename="../../app/report/report_model.cpp" line="118"/>
        <source>GZ2023 贵州省新型城镇化实施方案（2023—2025年）· GY2025 筑府发〔2025〕17号 · 截至 %1 · 范围：%2 · 数据：%3（%4 条现行数据）· 生成于 %5</source>
        <translation>GZ2023 Guizhou new-type urbanisation implementation plan (2023–2025) · GY2025 Zhufufa [2025] No. 17 · as of %1 · scope: %2 · figures: %3 (%4 current figures) · generated %5</translation>
    </message>
    <message>
        <location filename="../../app/report/report_model.cpp" line="120"/>
        <source>全部年份</source>
        <translation>every year</translation>
    </message>
    <message>
        <location filename="../../app/report/report_model.cpp" line="120"/>
        <location filename="../../app/report/report_writers.cpp" line="222"/>
        <location filename="../../app/report/report_writers.cpp" line="383"/>
        <location filename="../../app/report/report_writers.cpp" line="533"/>
        <source>全部指标</source>
        <translation>all targets</translation>
    </message>
    <message>
        <location filename="../../app/report/report_model.cpp" line="139"/>
        <source>中心城市：%1</source>
        <translation>Central city: %1</translation>
    </message>
    <message>
        <location filename="../../app/report/report_model.cpp" line="140"/>
        <source>范围为“%1”的指标；地图中高亮为其县级单元。</source>
        <translation>The targets scoped to “%1”; its county-level units are highlighted on the map.</translation>
    </message>
    <message>
        <location filename="../../app/report/report_model.cpp" line="168"/>
        <source>空间布局：%1</source>
        <translation>Layout: %1</translation>
    </message>
    <message>
        <location filename="../../app/report/report_model.cpp" line="179"/>
        <source>范围为该布局的区域（及其内部区域）的指标。</source>
        <translation>The targets of the layout&apos;s zones (and of the zones inside them).</translation>
    </message>
    <message>
        <location filename="../../app/report/report_model.cpp" line="180"/>
        <source>范围为该布局的区域（及其内部区域）的指标，以及 %1（提出该布局的文件）的全部指标。</source>
        <translation>The targets of the layout&apos;s zones (and of the zones inside them), and every target of %1 (the document that sets out this layout).</translation>
    </message>
    <message>
        <location filename="../../app/report/report_model.cpp" line="202"/>
        <source>中心城市（城区）常住人口：%1 年目标与实际（万人）</source>
        <translation>Central cities&apos; (urban) resident population: %1 target and actual (10,000 people)</translation>
    </message>
    <message>
        <location filename="../../app/report/report_model.cpp" line="220"/>
        <source>边界与位置仅供规划示意，非测绘成果</source>
        <translation>Boundaries and positions for planning illustration, not survey</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="143"/>
        <location filename="../../app/report/report_writers.cpp" line="344"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="115"/>
        <source>达标率</source>
        <translation>Share met</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="115"/>
        <source>进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="130"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="139"/>
        <location filename="../../app/report/report_writers.cpp" line="344"/>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="141"/>
        <location filename="../../app/report/report_writers.cpp" line="199"/>
        <location filename="../../app/report/report_writers.cpp" line="344"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="143"/>
        <location filename="../../app/report/report_writers.cpp" line="345"/>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="143"/>
        <location filename="../../app/report/report_writers.cpp" line="345"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="143"/>
        <location filename="../../app/report/report_writers.cpp" line="345"/>
        <source>判定规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="143"/>
        <location filename="../../app/report/report_writers.cpp" line="345"/>
        <source>数据来源</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="145"/>
        <location filename="../../app/report/report_writers.cpp" line="346"/>
        <source>条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="145"/>
        <location filename="../../app/report/report_writers.cpp" line="346"/>
        <source>原文</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="185"/>
        <source>每个指标的状态按 share/monitoring/README.md 的规则判定（与 gzplan progress 相同）；判定规则一栏写明所用的规则与数据。数据来源一栏为录入数据时注明的来源。</source>
        <translation>Each target&apos;s status is decided by the rules of share/monitoring/README.md (as gzplan progress); the Rule column states the rule and the figures it used. The Sources column gives the sources entered with the figures.</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="188"/>
        <source>总体情况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="192"/>
        <source>指标总数</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="194"/>
        <source>按章节（GZ2023 与 GY2025）</source>
        <translation>By chapter (GZ2023 and GY2025)</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="195"/>
        <source>章节</source>
        <translation>Chapter</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="198"/>
        <source>按范围</source>
        <translation>By scope</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="211"/>
        <source>该页没有指标。</source>
        <translation>No targets on this page.</translation>
    </message>
    <message>
        <location filename="../../app/report/report_writers.cpp" line="227"/>
        <location filename="../../app/report/report_writers.cpp" line="422"/>
        <source>边界与位置仅供规划示意，非测绘成果。地图：gzplan 渲染器；图表：Qt Charts。</source>
        <translation>Boundaries and positions for planning illustration, not survey. Maps: the gzplan renderer; charts: Qt Charts.</translation>
    </message>
</context>
</TS>
