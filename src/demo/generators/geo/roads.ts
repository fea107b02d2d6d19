import { words } from '../../synthetic.js'

/**
 * The roads and streets of each Shenyang district and county in the demo gazetteer: names that
 * exist in or fit the district, laid out by the generator inside its real boundary. They are
 * the names the population and legal-person generators write in addresses, so that generated
 * addresses geocode; a number on a road is not a real building.
 */
export const DISTRICT_ROADS: Readonly<Record<string, readonly string[]>> = {
  '210102': words('南京北街 南京南街 中华路 太原街 太原北街 太原南街 中山路 民主路 三好街 文化路 砂阳路 南五马路 十一纬路 和平大街 和平北大街 青年大街 八经街'),
  '210103': words('青年大街 市府大路 北站路 大西路 小南街 五爱街 东顺城街 万柳塘路 文萃路 泉园路 北京街 团结路 哈尔滨路 文艺路 惠工街'),
  '210104': words('小北关街 东北大马路 北海街 大东路 津桥路 长安路 东望街 联合路 上园路 滂江街 东陵路 小东路 大北关街'),
  '210105': words('黄河大街 黄河北大街 北陵大街 崇山中路 昆山西路 长江街 华山路 塔湾街 泰山路 鸭绿江街 宁山中路 岐山中路 淮河街 陵东街 珠江街 银山路'),
  '210106': words('兴华街 北二路 建设大路 重工街 兴工街 保工街 卫工街 启工街 沈辽路 云峰街 北一路 南十西路 肇工街 开发大路'),
  '210111': words('中央大街 枫杨路 雪松路 迎春街 海棠街 丁香街 杏林街 金钱松路 银杏路'),
  '210112': words('浑南中路 全运路 世纪路 创新路 浑南东路 营盘西街 南屏中路 沈中大街 文溯街 新秀街 智慧四街 天赐街 天坛南街'),
  '210113': words('蒲河路 道义大街 道义南大街 沈北路 裕农路 辉山大街 虎石台南大街 七星大街 正良四路'),
  '210114': words('黄海路 沙岭路 洪湖北路 沈新路 赤山路 太湖街 白山路 杨士街 西江街 沈大路'),
  '210115': words('人民路 新华街 胜利街 建设街 振兴路 蒲东街 辽河街'),
  '210123': words('人民路 光明街 友谊街 胜利街 繁荣街 东关街 康平大街'),
  '210124': words('人民路 幸福街 育才路 建设街 北大街 南大街 法库大街'),
  '210181': words('人民路 新华街 胜利街 光明街 振兴路 东城街 辽河大街'),
}

/** The demo's renamed road: 浑南中路 was 东陵大街 until 东陵区 became 浑南区. */
export const RENAMED_ROAD = { code: '210112', name: '浑南中路', formerName: '东陵大街', renamedOn: '2015-01-01' } as const

/** The demo's moved boundary: the real 2004 transfer of 长白 from 东陵区 to 和平区, with a generated line. */
export const MOVED_BOUNDARY = { from: '210112', to: '210102', on: '2004-01-01', southOf: 41.755 } as const
