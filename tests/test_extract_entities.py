"""Projects, measures and 《》 titles, on sentences written in the style of other districts' reports.

None of these sentences comes from the gold documents: they check the language patterns
(status verbs, name suffixes, lists closed by 等, quoted programmes), not memorised names.
"""
import pytest

from dbt_project.extraction.entities import extract_measures, extract_policy_documents, extract_projects
from dbt_project.extraction.entity_eval import evaluate
from dbt_project.extraction.entity_seeds import classify, keyword_rules
from dbt_project.extraction.segment import sentences


def _run(extract, text, district="海淀区"):
    rows = extract(text, sentences(text), lambda _i: district)
    for row in rows:
        assert text[row["start"]:row["end"]] == row["quote"], row
    return {row["name"]: row for row in rows}


def test_company_suffix_and_landing_verb_make_a_landed_finance_project():
    text = "全国首家外资控股证券公司高盛高华证券有限责任公司落户海淀，中关村科学城创新中心正式开业。"
    projects = _run(extract_projects, text)
    assert projects["高盛高华证券有限责任公司"]["status"] == "landed"
    assert projects["高盛高华证券有限责任公司"]["sector"] == "finance"
    assert projects["中关村科学城创新中心"]["status"] == "completed"
    assert projects["中关村科学城创新中心"]["district"] == "海淀区"


def test_firms_listed_before_deng_and_a_category_are_projects_even_without_a_suffix():
    text = "朝阳园引进商汤智能、旷视视觉、第四范式等一批人工智能龙头企业，望京小街改造项目开工建设。"
    projects = _run(extract_projects, text, "朝阳区")
    assert {"商汤智能", "旷视视觉", "第四范式"} <= set(projects)
    assert projects["商汤智能"]["status"] == "landed"
    assert projects["望京小街改造项目"]["status"] == "started"
    assert not any("企业" == name[-2:] for name in projects), projects


def test_counts_of_projects_are_indicators_not_projects():
    text = "全年新增“两区”项目215个，已落地项目130个，落地率60%。"
    assert _run(extract_projects, text, "大兴区") == {}


def test_plan_section_makes_projects_planned_and_reads_investment():
    text = (
        "一、2024年工作安排\n"
        "加快建设大兴国际氢能示范区加氢站项目，总投资12.5亿元，确保年内竣工投用。\n"
    )
    projects = _run(extract_projects, text, "大兴区")
    project = projects["大兴国际氢能示范区加氢站项目"]
    assert project["status"] == "planned"
    assert project["investment_value"] == 12.5 and project["investment_unit"] == "亿元"
    assert project["sector"] == "infrastructure"


def test_policy_nouns_and_quoted_programmes_are_measures_with_status_from_verbs():
    text = (
        "经开区率先实施跨境研发用物品进口白名单制度，推行“一照多址”。"
        "下一步，将探索数据跨境流动分类分级管理试点，支持外籍人才永久居留推荐机制。"
    )
    measures = _run(extract_measures, text, "北京经济技术开发区")
    assert measures["跨境研发用物品进口白名单制度"]["status"] == "implemented"
    assert measures["数据跨境流动分类分级管理试点"]["status"] == "planned"
    assert measures["数据跨境流动分类分级管理试点"]["domain"] == "data"
    assert measures["外籍人才永久居留推荐机制"]["domain"] == "talent"
    assert any("一照多址" in name for name in measures), measures


def test_report_back_section_makes_measures_implemented():
    text = "一、2023年工作进展\n深化知识产权质押融资改革，完善企业开办“一网通办”服务。\n"
    measures = _run(extract_measures, text, "朝阳区")
    assert measures["知识产权质押融资改革"]["status"] == "implemented"
    assert measures["知识产权质押融资改革"]["domain"] == "ip"


def test_policy_document_titles_keep_plans_and_drop_articles():
    text = (
        "会议审议通过《海淀区促进人工智能产业发展行动计划（2024-2026年）》（以下简称《行动计划》），"
        "学习了《海淀区推进“两区”建设实施方案》和《海淀区推进“两区”建设实施方案》，"
        "观看了专题片《创新之城》，并印发《关于加快发展数字经济的若干措施》。"
    )
    assert extract_policy_documents(text) == [
        "海淀区促进人工智能产业发展行动计划（2024-2026年）",
        "行动计划",
        "海淀区推进“两区”建设实施方案",
        "关于加快发展数字经济的若干措施",
    ]


def test_keyword_seeds_are_ordered_rules():
    assert ("期货", "finance") in keyword_rules("project_sectors")
    assert classify("measure_domains", "知识产权保险试点") == "ip"
    assert classify("measure_domains", "某某某") == "other"


@pytest.mark.timeout(30)
def test_gold_recall_floors(gold_dir):
    scores = evaluate(gold_dir)
    assert scores["projects"][1] >= 0.92, scores
    assert scores["measures"][1] >= 0.805, scores  # see test_eval_gold.py
    assert scores["policy_documents"][2] >= 0.95, scores
    # precision stays sane: BI users read these names
    assert scores["projects"][0] >= 0.65, scores
    assert scores["measures"][0] >= 0.62, scores


def test_policy_names_split_by_an_inner_verb_are_rejoined():
    text = "制定丰台区碳达峰实施方案，开展商业秘密对外开放试点，加强医联体建设，稳步推进跨境贸易投资高水平开放。"
    measures = _run(extract_measures, text, "丰台区")
    assert {"丰台区碳达峰实施方案", "商业秘密对外开放试点", "医联体建设", "跨境贸易投资高水平开放"} <= set(measures)
    assert measures["丰台区碳达峰实施方案"]["domain"] == "urban"


def test_section_titles_and_speech_are_not_measures():
    text = "一、深化改革创新\n“我们将持续优化营商环境，”区商务局负责人介绍，石景山区是首钢园所在地。\n"
    measures = _run(extract_measures, text, "石景山区")
    assert "改革创新" not in measures
    assert not any("介绍" in name or "是" in name for name in measures), measures


def test_quoted_street_names_are_projects():
    text = "加快“数字巷”建设，推动昌平生命科学园三期项目开工。"
    projects = _run(extract_projects, text, "昌平区")
    assert "“数字巷”" in projects and projects["“数字巷”"]["sector"] == "technology"
    assert projects["昌平生命科学园三期项目"]["sector"] == "health"


def test_fragments_rhetoric_and_bare_fields_are_neither_projects_nor_measures():
    text = ("大兴区深入学习贯彻习近平总书记重要讲话精神，抢抓“两区”政策机遇，推动数字经济、科技创新发展，"
            "引进更多外资金融机构，北京大兴国际机场临空经济区航空物流产业园开工建设，"
            "入选“全国营商环境创新城区30强”，实施临空经济区“一企一策”服务机制。")
    projects = _run(extract_projects, text, "大兴区")
    measures = _run(extract_measures, text, "大兴区")
    names = set(projects) | set(measures)
    assert any(n.endswith("航空物流产业园") for n in projects), projects
    assert any("“一企一策”服务机制" in n for n in measures), measures
    for bad in ("数字经济", "科技创新", "更多外资金融机构", "“全国营商环境创新城区30强”"):
        assert bad not in names, (bad, names)
    assert not any("习近平" in n or n.endswith("精神") or n.startswith("抢抓") for n in names), names


def test_time_words_and_reporters_do_not_open_names():
    text = "记者从北京大兴国际机场临空经济区管委会获悉，一季度临空经济区航空物流产业园签约落地。"
    projects = _run(extract_projects, text, "大兴区")
    assert not any(n.startswith(("记者", "一季度")) for n in projects), projects


def test_the_first_field_word_of_a_name_decides_its_domain():
    # the modifier leads: a cultural firms' financing list is culture, a market-access service is business
    assert classify("measure_domains", "优质文化企业投融资“白名单”机制") == "culture"
    assert classify("measure_domains", "市场准入服务机制") == "business_environment"
    assert classify("measure_domains", "服务业高水平对外开放") == "trade"
    assert classify("project_sectors", "运河商务区") == "finance"
    assert classify("project_sectors", "青龙数字科技大厦项目") == "technology"


def test_nouns_that_begin_with_a_verb_stay_whole_and_a_phase_is_not_a_count():
    # 研究院, 保障性住房, 建设银行 and 集聚区 start with a verb's characters; 一期 names a phase, not a count
    text = ("中国移动研究院总部项目签约落地。京张铁路遗址公园一期建成开放。"
            "中国建设银行科技子公司落户海淀。中关村软件园集聚区项目开工。新建保障性住房项目开工。")
    projects = _run(extract_projects, text, "海淀区")
    assert projects["中国移动研究院总部项目"]["status"] == "signed"
    assert projects["京张铁路遗址公园一期"]["status"] == "completed"  # (the phase is part of the works' name, as in gold)
    assert any(n.startswith("中国建设银行") for n in projects), projects
    assert any(n.startswith("中关村软件园集聚区") for n in projects), projects
    assert not any(n.startswith(("院", "银行", "区项目", "性住房")) for n in projects), projects


def test_topping_out_is_under_way_and_going_into_production_is_done():
    text = "城市副中心站综合交通枢纽主体结构封顶。京东方显示器件生产线项目投产。数字经济产业园开园。"
    projects = _run(extract_projects, text, "通州区")
    assert projects["城市副中心站综合交通枢纽"]["status"] == "started"
    assert projects["京东方显示器件生产线项目"]["status"] == "completed"
    assert projects["数字经济产业园"]["status"] == "completed"


def test_items_listed_before_deng_and_a_policy_category_are_measures_whole():
    text = ("丰台区率先开展跨境理财通、本外币合一银行账户等试点。"
            "外籍人才职称评审绿色通道、外国人工作许可“一窗通办”等一批首创性改革相继推出。"
            "探索实施供地、融资、数据等要素配置的突破性政策。")
    measures = _run(extract_measures, text, "丰台区")
    projects = _run(extract_projects, text, "丰台区")
    assert {"跨境理财通", "本外币合一银行账户", "外籍人才职称评审绿色通道", "外国人工作许可“一窗通办”"} <= set(measures), measures
    assert "本外币合一银行" not in projects, projects
    # the items before 等要素… are factors, not policies
    assert not {"供地", "融资", "数据"} & set(measures), measures


def test_firms_listed_before_deng_and_a_landing_verb_are_projects():
    text = "百度智能云、清华同衡等都已进驻张家湾设计小镇。"
    projects = _run(extract_projects, text, "通州区")
    assert projects["清华同衡"]["status"] == "landed"
    assert projects["百度智能云"]["status"] == "landed"


def test_places_words_that_open_with_a_preposition_and_shortfalls():
    text = ("和平里医院、隆福医院通过三级甲等评审。30个重点项目在北京经济技术开发区集中签约。"
            "赴欧洲、中国香港等地招商。全区社区养老服务驿站尚未实现全覆盖。将台地区商业综合体项目开工。")
    projects = _run(extract_projects, text, "东城区")
    assert "和平里医院" in projects and "平里医院" not in projects, projects
    assert "将台地区商业综合体项目" in projects, projects
    assert not {"北京经济技术开发区", "中国香港", "欧洲", "社区养老服务驿站"} & set(projects), projects


def test_a_report_on_the_work_is_not_a_measure_and_slogans_of_government_service_have_their_domain():
    text = ("北京市人民代表大会常务委员会关于检查《北京市优化营商环境条例》实施情况的报告\n"
            "深化“放管服”改革，健全企业诉求“接诉即办”机制。")
    measures = _run(extract_measures, text, "北京市")
    assert not any(n.endswith("报告") for n in measures), measures
    assert measures["“放管服”改革"]["domain"] == "business_environment"
    assert measures["企业诉求“接诉即办”机制"]["domain"] == "business_environment"


def test_investment_in_chinese_numerals_or_before_the_name_and_industry_sectors():
    text = ("北汽新能源产业园项目签约落地，计划投资超百亿元。投资12亿元的顺义区医院新院区开诊。"
            "中芯京城集成电路项目一期建成。")
    projects = _run(extract_projects, text, "顺义区")
    park = projects["北汽新能源产业园项目"]
    assert (park["investment_value"], park["investment_unit"], park["sector"]) == (100.0, "亿元", "technology")
    hospital = projects["顺义区医院新院区"]
    assert (hospital["investment_value"], hospital["status"], hospital["sector"]) == (12.0, "completed", "health")
    assert projects["中芯京城集成电路项目一期"]["sector"] == "technology"  # not infrastructure for the 路 in 电路


def test_a_work_plans_duty_notes_and_bare_goals_are_neither_projects_nor_measures():
    text = ("1.深化科技领域开放。建设北京数字经济算力中心。（责任单位：区科信局、首钢园区管委会）\n"
            "2.优化营商环境。实施“一件事”集成服务改革。（牵头单位：区政务服务局；配合单位：区商务局）\n"
            "加强组织领导。")
    projects = _run(extract_projects, text, "石景山区")
    measures = _run(extract_measures, text, "石景山区")
    assert "北京数字经济算力中心" in projects and "首钢园区" not in projects, projects
    assert "“一件事”集成服务改革" in measures, measures
    assert not {"营商环境", "组织领导"} & set(measures), measures


def test_incentives_and_fast_lanes_are_measures():
    text = "开通外籍人才工作许可绿色通道。落实技术转让所得税优惠。推出人才服务直通车。"
    measures = _run(extract_measures, text, "朝阳区")
    assert measures["外籍人才工作许可绿色通道"]["status"] == "implemented"
    assert {"技术转让所得税优惠", "人才服务直通车"} <= set(measures), measures


def test_building_verbs_end_a_name_and_a_category_of_schools_is_not_one():
    text = "新建改扩建中小学、幼儿园12所。新国展二期项目主体结构封顶。"
    projects = _run(extract_projects, text, "顺义区")
    assert not any(n.startswith(("新建", "改扩建")) or n == "中小学" for n in projects), projects
    assert projects["新国展二期项目"]["status"] == "started"


def test_the_rhetoric_of_a_year_or_a_goal_is_neither_a_project_nor_a_measure():
    text = ("2024年是实施“十四五”规划承上启下的关键一年，全区经济社会运行整体向好。"
            "区政府锁定三个千亿级产业集群，打造南部发展新高地，开启“两区”建设新征程；"
            "北京科学仪器和传感器产业高地加快建设，东坝国际人才社区开工建设。")
    names = set(_run(extract_projects, text, "朝阳区")) | set(_run(extract_measures, text, "朝阳区"))
    assert not {n for n in names if n.endswith(("一年", "向好", "新高地", "新征程"))}, names
    assert not {n for n in names if n.startswith("锁定")}, names
    assert {"北京科学仪器和传感器产业高地", "东坝国际人才社区"} <= names


def test_quoted_programmes_and_listed_tasks_are_measures_while_works_on_a_place_stay_projects():
    text = ("扎实推进“红墙先锋工程”，实施教育、卫生“强基工程”。“疏整促”专项行动有序开展，"
            "一般制造业疏解提质等9项任务提前完成年度目标。“杏巷”工程有序推进，望坛地区市政道路工程开工建设。")
    measures = _run(extract_measures, text, "西城区")
    projects = _run(extract_projects, text, "西城区")
    assert {"“红墙先锋工程”", "“疏整促”专项行动", "一般制造业疏解提质"} <= set(measures), measures
    assert any(name.endswith("“强基工程”") for name in measures), measures
    assert not any("先锋工程" in name or "强基" in name for name in projects), projects
    assert {"“杏巷”工程", "望坛地区市政道路工程"} <= set(projects), projects


def test_projects_summed_up_by_a_count_are_each_a_project_and_a_complex_is_a_project():
    text = ("国能(北京)商业保理有限公司增资项目和国调二期协同发展基金项目两个签约项目金额共计160亿元。"
            "“湾里”商业娱乐综合体将在年底开业。全区新增“两区”招商引资项目321个。")
    projects = _run(extract_projects, text, "西城区")
    assert {"国能(北京)商业保理有限公司增资项目", "国调二期协同发展基金项目", "“湾里”商业娱乐综合体"} <= set(projects), projects
    assert projects["国调二期协同发展基金项目"]["status"] == "signed"
    assert not any("321" in name or name.endswith("招商引资项目") for name in projects), projects


def test_kinds_of_projects_and_institutions_are_not_named_projects():
    text = ("今年新开项目和续建项目均已开工，打包项目集中签约，引进科研机构和专业运营公司，"
            "稻香湖再生水厂二期开工建设。")
    projects = _run(extract_projects, text, "海淀区")
    assert not {"新开项目", "续建项目", "打包项目", "科研机构", "专业运营公司"} & set(projects), projects
    assert "稻香湖再生水厂二期" in projects


def test_shoudu_is_a_word_a_dash_introduces_the_name_and_copyright_lines_name_nothing():
    text = ("北京首都旅游集团有限责任公司落户通州，我国第二家个人征信公司——朴道征信有限公司注册成立。"
            "版权归高原(北京)文化传播有限公司所有。")
    projects = _run(extract_projects, text, "通州区")
    assert {"北京首都旅游集团有限责任公司", "朴道征信有限公司"} <= set(projects), projects
    assert not any(name.startswith(("版权", "旅游集团")) for name in projects), projects


def test_quoted_measures_listed_side_by_side_honours_won_and_task_forces():
    text = ("密云区探索形成“拿地即开工”“交房即交证”“小区配套竣工就交用”等创新举措。"
            "古北水镇获评国家级夜间文化和旅游消费集聚区。区商务局组建外资招引专班。")
    measures = _run(extract_measures, text, "密云区")
    assert {"“拿地即开工”", "“交房即交证”", "“小区配套竣工就交用”"} <= set(measures), measures
    assert measures["国家级夜间文化和旅游消费集聚区"]["status"] == "implemented"
    assert "外资招引专班" in measures


def test_a_districts_slogans_reporting_lines_and_rhetoric_are_not_measures():
    text = ("记者从发布会上获悉，怀柔区坚持“生态立区”，聚力建设“绿水青山怀柔”。"
            "全区全面落实新发展理念，为深化开放发展释放政策红利，持续增强经济回升向好态势。"
            "怀柔区推出“科学城十条”支持政策。")
    measures = _run(extract_measures, text, "怀柔区")
    assert set(measures) == {"“科学城十条”"}, measures


def test_items_a_count_of_projects_sums_up_are_projects_whatever_their_last_word():
    text = ("其中，城市更新领域包括北重文化产业园一期、红星地下停车库、老旧小区综合整治等7个项目，总投资249亿元。"
            "年末全区中资银行人民币存款余额3913.6亿元。区政府坚定履行核心区职责使命。"
            "本网站所有内容属某某报社有限公司，未经许可不得转载。")
    projects = _run(extract_projects, text, "丰台区")
    assert {"红星地下停车库", "老旧小区综合整治"} <= set(projects), projects
    assert not {"城市更新领域包括北重文化产业园", "中资银行", "全区中资银行", "坚定履行核心区"} & set(projects), projects
    assert not any(name.startswith("本网站") for name in projects), projects
    assert "老旧小区综合整治" not in _run(extract_measures, text, "丰台区")


def test_a_list_or_honour_won_and_a_label_for_several_are_not_projects():
    text = "首开LONG街入选北京最美街巷，区里着力打造四大产业集群，乐多港获评国家级夜间文化和旅游消费集聚区。"
    projects = _run(extract_projects, text, "昌平区")
    assert not {"北京最美街巷", "四大产业集群", "国家级夜间文化和旅游消费集聚区"} & set(projects), projects


def test_the_two_zones_name_is_one_name_and_festivals_are_measures():
    text = ("密云区召开国家服务业扩大开放综合示范区工作领导小组全体会，印发服务业扩大开放2.0版工作方案。"
            "区里成功举办北京密云葡萄酒文化节，加快构建更高层次的开放型经济体系。"
            "国投云网、中建新科等17家央企子公司实现落户。丰台区加快“美丽丰台”“智慧丰台”建设。")
    measures = _run(extract_measures, text, "密云区")
    assert "北京密云葡萄酒文化节" in measures
    assert any(name.startswith("服务业扩大开放2.0版") for name in measures), measures
    assert not any(name.startswith(("综合示范区", "型")) for name in measures), measures
    assert "“美丽丰台”“智慧丰台”建设" in measures, measures  # building to a slogan is a programme
    projects = _run(extract_projects, text, "密云区")
    assert {"国投云网", "中建新科"} <= set(projects), projects
    assert not any("综合示范区" in name for name in projects), projects


def test_an_areas_bounds_name_roads_not_projects():
    text = ("运河商务区核心启动区北起源盛北街、高压走廊控制用地边界，南至运河西大街，西起榆景中路、新华南北路，"
            "东至通顺路。区里支持盈科律师事务所在副中心设立分所。")
    projects = _run(extract_projects, text, "通州区")
    assert not any(name.endswith(("街", "路")) for name in projects), projects
    assert "盈科律师事务所" in projects, projects


def test_what_a_clause_closing_verb_coordinates_or_speeds_up_is_a_measure():
    text = "区政府高效统筹疫情防控和经济社会发展，加快疫苗接种，推进并联审批。"
    measures = _run(extract_measures, text, "昌平区")
    assert {"疫情防控和经济社会发展", "疫苗接种", "并联审批"} <= set(measures), measures


def test_research_facilities_are_projects():
    text = "怀柔科学城已建成“1+3”大科学设施集群，综合极端条件实验装置正式投入运行。"
    projects = _run(extract_projects, text, "怀柔区")
    assert any("大科学设施集群" in name for name in projects), projects
    assert projects["综合极端条件实验装置"]["status"] == "completed"


def test_a_numbered_slogan_keeps_the_noun_that_makes_it_a_programme():
    text = "区政府扎实做好“六稳”工作，全面落实“六保”任务，持续推进“两区”工作。"
    measures = _run(extract_measures, text, "平谷区")
    assert {"“六稳”工作", "“六保”任务"} <= set(measures), measures
    assert not any(name.startswith("“两区”") for name in measures), measures  # the zones' own name is no programme


def test_a_count_inside_a_phrase_ends_the_name_before_it():
    text = "顺利完成“清零攻坚”专项行动46项重点任务，成立区优化营商环境工作领导小组。"
    measures = _run(extract_measures, text, "门头沟区")
    assert "“清零攻坚”专项行动" in measures, measures
    assert "营商环境工作领导小组" in measures, measures  # a task force is a measure


def test_policy_packages_named_by_their_articles_and_quoted_programmes_are_measures():
    text = "大兴区出台稳外资12条、促消费二十条等政策，“兴光行动”解决企业用工难题，新建道路12条、桥梁3座等设施。"
    measures = _run(extract_measures, text, "大兴区")
    assert {"稳外资12条", "促消费二十条", "“兴光行动”"} <= set(measures), measures
    assert not any(name.startswith(("道路", "新建")) for name in measures), measures  # counted works are no policy


def test_two_quoted_programmes_campaigns_and_advisory_bodies_are_measures():
    text = ("扎实推进“清风护航工程”和“双培育”工程，上线“跨境通办”和“数字口岸服务平台”区块链应用场景，"
            "组建了区政府专家顾问团，坚决打好碧水保卫战。")
    measures = _run(extract_measures, text, "石景山区")
    assert {"“清风护航工程”", "“双培育”工程", "区政府专家顾问团", "碧水保卫战"} <= set(measures), measures
    # a long noun after two quoted names is both's: one measure, as written
    assert "“跨境通办”和“数字口岸服务平台”区块链应用场景" in measures, measures


def test_a_zone_built_past_padding_adverbs_is_a_project():
    text = "新能源示范区东区一期全面建成亮相，临床研究中试平台等近期也将陆续建成投用。"
    projects = _run(extract_projects, text, "大兴区")
    assert projects["新能源示范区"]["status"] == "completed", projects
    assert projects["临床研究中试平台"]["status"] == "planned", projects


def test_items_listed_before_a_shared_measure_noun_are_one_measure():
    text = "建立分级决策、协同招商机制，深化劳动、人事、分配制度改革，完善布局合理、公益普惠的学前教育体系。"
    measures = _run(extract_measures, text, "大兴区")
    assert {"分级决策、协同招商机制", "劳动、人事、分配制度改革"} <= set(measures), measures
    assert not any(name.startswith("布局合理") for name in measures), measures  # what describes it is not listed


def test_a_policy_named_by_a_clause_with_no_known_verb_is_a_measure_but_the_document_itself_is_not():
    text = ("招商成果丰硕，创新驻点招商模式，反复打磨“1+N”奖励办法，先行先试一批人才安居政策、财税政策。"
            "为推进园区建设，特制订本实施方案。")
    measures = _run(extract_measures, text, "大兴区")
    assert {"创新驻点招商模式", "反复打磨“1+N”奖励办法", "人才安居政策", "财税政策"} <= set(measures), measures
    assert not any(name.startswith("本") for name in measures), measures


def test_firms_listed_as_leaders_are_projects_and_zheng_opens_a_name():
    text = ("星河氢能、远航动力等一批行业龙头落地生根，推动京北种业研发平台、正大数字农业研究院等头部企业创新项目落户，"
            "区政府正加快推进园区建设。")
    projects = _run(extract_projects, text, "平谷区")
    assert {"星河氢能", "远航动力", "京北种业研发平台", "正大数字农业研究院"} <= set(projects), projects
    assert projects["星河氢能"]["status"] == "landed"


def test_roles_and_bare_two_character_acts_are_no_measures_or_projects():
    text = ("标志着高端产业片区建设正式启动，经开区成为“三城一区”主平台，百奥赛图登陆资本市场，"
            "10个项目与经开区达成了签约意向，加强统筹指导，统筹力度仍需加强机制。")
    projects = _run(extract_projects, text, "北京经济技术开发区")
    measures = _run(extract_measures, text, "北京经济技术开发区")
    assert not any(name.startswith(("标志着", "成为", "与")) or name.endswith(("登陆资本", "达成了"))
                   for name in projects), projects
    assert not any(len(name) <= 2 or "仍需" in name for name in measures), measures


def test_who_unveils_a_zone_is_no_project():
    text = "工委书记张三丰、管委会主任李四为智能制造片区揭牌，王五、赵六共同为国际人才社区挂牌。"
    projects = _run(extract_projects, text, "北京经济技术开发区")
    assert {"智能制造片区", "国际人才社区"} <= set(projects), projects
    assert not any("张三丰" in n or "王五" in n or "为" in n for n in projects), projects


def test_firms_listed_and_counted_after_you_are_projects():
    text = ("科技创新类项目有星辰纤维、佰川天成、凯瑞医药3家企业；其中，有丽水国际金融城、华光中国区总部等多个重大项目，"
            "园区建有北方国际医院、星河科技有限公司等一批机构。")
    projects = _run(extract_projects, text, "大兴区")
    assert {"星辰纤维", "佰川天成", "凯瑞医药", "丽水国际金融城", "华光中国区总部", "北方国际医院"} <= set(projects), projects
    assert "星河科技有限公司" in projects, projects  # 有限公司 holds no 有 that opens a list


def test_slogans_officials_spans_and_cut_brackets_are_no_names():
    text = ("大兴区委副书记、区长王一鸣以及镇街领导出席，推动宜居之城、活力之城建设，从生物医药产业基地到平台建设，"
            "新燕莎购物广场更名为王府井喜乐购物中心，加快北京航空维修有限公司项目(天马项目)、副中心站综合交通枢纽(0101街区建设。")
    projects = _run(extract_projects, text, "大兴区")
    assert not any(name.endswith("之城") or name.startswith(("区长", "从", "更名为")) or "(" in name
                   for name in projects), projects
    assert {"王府井喜乐购物中心", "北京航空维修有限公司项目", "副中心站综合交通枢纽"} <= set(projects), projects


def test_two_zones_joined_by_he_are_two_projects():
    text = "建设科技成果转化承载地、生物医药产业集聚区和国际高端功能机构集聚区。"
    projects = _run(extract_projects, text, "北京经济技术开发区")
    assert {"生物医药产业集聚区", "国际高端功能机构集聚区"} <= set(projects), projects


def test_xitong_pads_a_clause_only_before_a_verb():
    text = "国望光学系统项目、星河高端装备研发及产业化项目等6个项目签约，上线数据交易系统，系统推进城市更新。"
    projects = _run(extract_projects, text, "北京经济技术开发区")
    measures = _run(extract_measures, text, "北京经济技术开发区")
    assert "国望光学系统项目" in projects, projects
    assert "数据交易系统" in measures, measures


def test_quoted_packages_side_by_side_are_one_measure_each():
    text = "迭代推出“航天十条”“氢能十条2.0”，建立“周调度”“周反馈”机制。"
    measures = _run(extract_measures, text, "大兴区")
    assert {"“航天十条”", "“氢能十条2.0”", "“周调度”“周反馈”机制"} <= set(measures), measures


def test_nested_titles_and_blue_books_are_policy_documents():
    text = ("发布《政务服务区块链应用创新蓝皮书(第一版)》。转发《市政务服务办关于印发〈贯彻落实《市政府关于加强政务服务的意见》"
            "工作方案〉的通知》。\n")
    assert extract_policy_documents(text) == [
        "政务服务区块链应用创新蓝皮书(第一版)",
        "市政务服务办关于印发〈贯彻落实《市政府关于加强政务服务的意见》工作方案〉的通知",
        "市政府关于加强政务服务的意见",
    ]


def test_what_a_district_builds_up_or_grows_closing_a_clause_is_a_measure():
    text = "通州区用大模型思维打造城市运行智能中枢，壮大数字医疗企业集群，打造百亿元楼宇。"
    measures = set(_run(extract_measures, text, "通州区"))
    assert {"城市运行智能中枢", "数字医疗企业集群"} <= measures
    assert not any(name.startswith("百亿") for name in measures), measures  # a class of size: indicators count it


def test_references_roles_layouts_and_laws_carried_out_are_not_projects():
    text = ("昌平区此次集中签约50个项目，其中该研究院将于年内发射卫星。立足首都功能拓展区战略定位，"
            "紧扣“一城两园”建设，瞄准“三个之城”建设，抓好《北京市物业管理条例》组织实施，"
            "强化“两轴三片区”功能定位。")
    projects = set(_run(extract_projects, text, "昌平区"))
    assert not projects, projects
    measures = set(_run(extract_measures, text, "昌平区"))
    assert not any(name.endswith("定位") for name in measures), measures


def test_items_of_a_list_of_works_share_their_kind():
    text = "重点项目包括城市科学馆、国际会议中心配套酒店、量子材料交叉研究平台、先进光源用户服务楼4项。"
    projects = set(_run(extract_projects, text, "怀柔区"))
    assert {"城市科学馆", "量子材料交叉研究平台", "先进光源用户服务楼"} <= projects, projects
    assert not set(_run(extract_measures, text, "怀柔区")) & projects


def test_works_named_by_their_act_stay_one_name():
    text = "保障中央芭蕾舞团业务用房扩建项目竣工，推进东坝污水处理厂升级改造工程，涉及友谊医院二期扩建工程、城东消防站2项。"
    projects = set(_run(extract_projects, text, "朝阳区"))
    assert {"中央芭蕾舞团业务用房扩建项目", "东坝污水处理厂升级改造工程", "友谊医院二期扩建工程"} <= projects, projects


def test_quantities_a_figure_measures_are_not_measures():
    text = "上半年，软件业收入、技术服务业收入均实现10%以上增长，全区推行“一业一证”改革。"
    measures = set(_run(extract_measures, text, "东城区"))
    assert not any(name.endswith("收入") for name in measures), measures


def test_press_conferences_and_rhetoric_of_progress_are_not_measures():
    text = ("顺义区两会新闻发布会召开。怀柔区举办了科学城专题新闻发布会。"
            "推动营商环境建设迈上新台阶，在重大活动中展现朝阳担当，推行“一业一证”改革。")
    measures = set(_run(extract_measures, text, "顺义区"))
    assert measures == {"“一业一证”改革"}, measures


def test_an_old_town_is_a_project_and_a_district_level_centre_is_started_not_a_start_zone():
    text = "启动运河古镇建设，率先启动区级疫情指挥调度中心，加快科学城启动区建设。"
    projects = set(_run(extract_projects, text, "通州区"))
    assert {"运河古镇", "区级疫情指挥调度中心"} <= projects, projects


def test_both_lists_of_a_there_are_both_sentence_are_projects_and_a_version_is_no_count():
    text = ("项目涵盖四大领域，既有北京·银行保险产业园650地块、石景山算力中心等产业项目，"
            "既有服贸会4.0场馆建设工程、首钢北区工业构筑物利用等城市更新项目。其中一季度将开工40项。")
    projects = set(_run(extract_projects, text, "石景山区"))
    assert {"北京·银行保险产业园650地块", "石景山算力中心", "服贸会4.0场馆建设工程"} <= projects, projects
    assert not any(name.startswith(("既有", "有", "其中", "一季度")) for name in projects), projects


def test_a_new_district_being_built_is_a_project_and_idioms_and_passives_are_no_names():
    text = ("加快首都商务新区建设，推动创新区建设。全市人民众志成城、守望相助。"
            "一个项目被招引进来后，唯有真正落地并开花结果，才有意义。")
    assert set(_run(extract_projects, text, "丰台区")) == {"首都商务新区"}


def test_a_short_name_noted_after_a_firm_is_no_part_of_it_and_laboratories_are_projects():
    text = ("北京华大九天工业软件研究院有限公司(以下简称“华大九天工业软件研究院”)正式进驻经开区。"
            "经开区将支持中国能建在区内设立高空风能实验室、绿色先进材料研究院等。")
    projects = set(_run(extract_projects, text, "北京经济技术开发区"))
    assert projects == {"北京华大九天工业软件研究院有限公司", "高空风能实验室", "绿色先进材料研究院"}, projects


def test_praised_categories_of_a_place_slogans_and_procedures_are_no_names():
    text = ("北京市顺义区优质项目加速聚集。深度融入“两区”“三平台”建设。挂牌成立北京金融法院。加快“硅巷”建设。")
    assert set(_run(extract_projects, text, "顺义区")) == {"北京金融法院", "“硅巷”"}
    text = ("法制委员会围绕常委会审议意见，通过常委会网站公开征求社会公众意见。"
            "建成72个便民生活圈，纳入全国试点。把招商服务作为经济工作的“生命线”。"
            "制定议案办理暨专项监督保障工作方案。")
    assert set(_run(extract_measures, text, "北京市")) == {"议案办理暨专项监督保障工作方案"}


def test_the_frame_of_a_clause_is_no_name_and_results_rhetoric_no_measure():
    text = ("喜悦项目即改造原新燕莎金街购物广场。除喜悦项目外，三眼井片区位于皇城景山街区，已具备了开工条件。"
            "志道生物是一家专注蛋白质工程的企业。将开展恢复性修建让街区重新焕发生机。该公司将总部、研发中心全部迁入了海淀区。")
    projects = set(_run(extract_projects, text, "东城区"))
    assert not any(p.startswith(("即", "除")) or p.endswith("了") or "是一家" in p or "让" in p or "位于" in p
                   or p == "全部" for p in projects), projects
    measures = set(_run(extract_measures, text + "奋力实现一季度“开门红”，亮出了高质量发展“成绩单”。", "东城区"))
    assert not any("开门红" in m or "成绩单" in m for m in measures), measures


def test_a_short_name_in_brackets_before_where_and_works_joined_by_ji_are_apart():
    text = ("北京协同创新轨道交通研究院有限公司(简称“协同创新研究院”)在丰台区正式揭牌成立。"
            "通清路、厂通路及跨潮白河大桥等将完工通车。")
    projects = set(_run(extract_projects, text, "丰台区"))
    assert projects == {"北京协同创新轨道交通研究院有限公司", "通清路", "厂通路", "跨潮白河大桥"}, projects


def test_a_source_a_yardstick_or_a_purpose_is_no_project():
    text = ("据北京市重大项目办相关负责人介绍，较常规工程提前4个月，建成后将满足国家重大科研项目用电需求，"
            "助力北京国际科技创新中心高质量建设，引进培养了一批加速器。")
    projects = set(_run(extract_projects, text, "怀柔区"))
    assert not any(p.startswith(("据", "较", "满足", "助力")) or "了一批" in p for p in projects), projects


def test_rail_lines_tunnels_and_motorways_are_projects():
    text = ("市郊铁路通密线开通运营，M15号线东延项目纳入全市轨道交通第三期建设规划，首都机场捷运线加速推动。"
            "地铁17号线北段开通。北环隧道正式建成开通。推动经济高速发展。")
    projects = set(_run(extract_projects, text, "顺义区"))
    assert projects == {"市郊铁路", "M15号线东延项目", "首都机场捷运线", "地铁17号线", "北环隧道"}, projects


def test_a_quoted_policy_package_named_by_its_number_of_articles_is_a_measure():
    text = "落实市级“稳经济45条”、“中小微企业纾困18条”，配套编制区级落实指引。出台“服务业十条”。新增企业“120家”。"
    measures = set(_run(extract_measures, text, "门头沟区"))
    assert {"市级“稳经济45条”", "“中小微企业纾困18条”", "“服务业十条”"} <= measures, measures
    assert not any("120" in m for m in measures)


def test_a_clause_in_the_past_tense_or_cut_before_its_zhong_is_no_measure():
    text = "“十四五”规划奠定了坚实基础。在深化科技创新中发挥作用。实施“一网通办”改革。"
    measures = set(_run(extract_measures, text, "海淀区"))
    assert not any("了" in m or m.endswith("中") for m in measures), measures
    assert "“一网通办”改革" in measures


def test_a_clause_with_a_copula_or_a_preposition_inside_is_no_name_but_east_of_a_place_is():
    text = ("运河商务区是北京城市副中心重要的功能区。西城区以国家金融管理中心为核心。打造人工智能发展高地。"
            "举办“故宫以东 融·艺术季”系列活动。")
    assert set(_run(extract_projects, text, "西城区")) == set()
    assert "“故宫以东 融·艺术季”系列活动" in set(_run(extract_measures, text, "东城区"))


def test_two_character_firms_listed_as_firms_are_projects_but_trades_are_not():
    text = ("已入驻智谱、深言、面壁等51家人工智能企业。包括礼来、辉瑞、阿斯利康等跨国医药巨头。"
            "目前集聚了奔驰新能源汽车、威乐水泵等重点德企。吸引法律、会计、商务等专业服务机构集聚发展。")
    projects = set(_run(extract_projects, text, "北京经济技术开发区"))
    assert projects == {"智谱", "深言", "面壁", "礼来", "辉瑞", "阿斯利康", "奔驰新能源汽车", "威乐水泵"}, projects


def test_a_school_suffix_running_on_into_another_word_and_events_are_no_names():
    text = "新建学校提供初中学位600个，增加全区高中学位供给；圆满完成世界智能产业博览会峰会等服务保障任务。"
    assert _run(extract_projects, text) == {}
    # (adding high-school places is an act of policy, read from its whole clause; the summit served is no measure)
    assert set(_run(extract_measures, text)) == {"增加全区高中学位供给"}


def test_list_items_named_by_the_works_done_and_closed_by_works_are_projects():
    text = "统筹推进“三河一湖”生态修复、滨河路综合整治等民生工程；城市大脑试验计划等一批重大科研项目在科学城启动。"
    projects = _run(extract_projects, text)
    assert {"“三河一湖”生态修复", "滨河路综合整治", "城市大脑试验计划"} <= set(projects)
    assert _run(extract_measures, text) == {}


def test_a_suffix_that_begins_another_word_ends_no_name():
    text = ("全面完成年度各项目标任务；园区历经多次空间范围调整；区政府新闻办公室组织召开发布会；"
            "作为全区首个共享厂房项目，该项目已竣工。")
    assert _run(extract_projects, text) == {}
    assert _run(extract_measures, text) == {}


def test_an_initiative_or_a_convention_is_a_policy_document_title():
    text = "会上发布《关于共建绿色物流园区的倡议》《首都商圈文明经营公约》，并审议《京西工业遗存保护行动计划》。"
    assert extract_policy_documents(text) == [
        "关于共建绿色物流园区的倡议", "首都商圈文明经营公约", "京西工业遗存保护行动计划"]


def test_a_phase_of_works_is_part_of_their_name_and_one_project_with_them():
    text = ("加快市民服务中心二期建设，推进行政办公区三期建设。机场综保区基本完成一期建设，正筹备封关运行。"
            "琉璃厂文化街区二期竣工。年内确保琉璃厂文化街区开街。科学城展示中心一期建成，科学城展示中心二期开工。")
    projects = _run(extract_projects, text, "西城区")
    assert projects["市民服务中心二期"]["status"] == "planned"
    assert projects["行政办公区三期"]["status"] == "planned"  # (no name-ending noun: the phase makes it works)
    assert projects["琉璃厂文化街区二期"]["status"] == "completed"
    assert "琉璃厂文化街区" not in projects  # the same works, said again
    assert (projects["科学城展示中心一期"]["status"], projects["科学城展示中心二期"]["status"]) == ("completed", "started")
    assert not any("完成" in name or name == "一期" for name in projects)  # (基本完成一期建设 says how far)
    assert "市民服务中心二期建设" not in _run(extract_measures, text, "西城区")


def test_an_inspection_and_the_bodies_acting_are_no_projects():
    text = ("区人大常委会组织区人大代表先后来到某某中学新校区、体育中心改造项目，视察城市副中心民生提升行动落实情况。"
            "代表们认真察看工程进展。建设示范区是党中央、国务院作出的重大部署。")
    projects = _run(extract_projects, text, "通州区")
    assert set(projects) == {"某某中学新校区", "体育中心改造项目"}


def test_a_clause_that_is_one_act_of_policy_is_a_measure_named_with_its_verb():
    text = ("全区将大力发展数字经济，积极布局数据要素，严控山区开发强度，划定“三线三区”。"
            "石景山区将进一步增加优质教育资源供给，承接中心城区适宜功能。")
    measures = _run(extract_measures, text, "石景山区")
    assert {"发展数字经济", "布局数据要素", "严控山区开发强度", "划定“三线三区”", "增加优质教育资源供给",
            "承接中心城区适宜功能"} <= set(measures), set(measures)
    assert measures["发展数字经济"]["status"] == "planned"


def test_a_verb_of_policy_before_a_predicate_of_its_own_or_before_works_makes_no_act():
    text = "发展信号积极释放。优化升级王府井百货大楼南馆，提升企业获得感。深化供给侧结构性改革。"
    measures = set(_run(extract_measures, text, "东城区"))
    assert not any(m.startswith(("发展", "优化升级", "提升")) for m in measures), measures
    assert "供给侧结构性改革" in measures  # (给 as a preposition, not the 给 of 供给)


def test_photo_captions_marked_by_a_triangle_are_read_one_by_one():
    text = "△南苑森林湿地公园 △亦庄新城滨河公园效果图 加快推进南中轴地区综合整治等项目建设。"
    projects = set(_run(extract_projects, text, "大兴区"))
    assert "亦庄新城滨河公园" in projects, projects
    assert not any("△" in p for p in projects), projects


def test_a_pronoun_names_nothing_and_a_zone_before_its_officials_is_their_office():
    text = ("延庆区明年开建这些重点项目。目前我们两个项目都已开工。"
            "延庆国际旅游休闲经济区管委会副主任李明介绍，园区新落地企业20家。")
    assert _run(extract_projects, text, "延庆区") == {}
