#!/usr/bin/env python3
"""Source of the user-visible strings: writes src/ClusterHub/Web/Strings{,.fr,.ko}.resx.

One table keeps the three languages side by side, so a missing translation shows at a glance;
the resx files are what the application reads. Run: /usr/bin/python3 tools/strings.py
"""
import os
from xml.sax.saxutils import escape

S = {
 "All": ("All", "Tous", "전체"), "Apply": ("Apply", "Appliquer", "적용"), "Edit": ("Edit", "Modifier", "수정"),
 "Filter": ("Filter", "Filtrer", "필터"), "Save": ("Save", "Enregistrer", "저장"), "Total": ("Total", "Total", "합계"),
 "Yes": ("Yes", "Oui", "예"), "No": ("No", "Non", "아니오"), "Next": ("Next", "Suivant", "다음"), "Previous": ("Previous", "Précédent", "이전"),
 "PageOf": ("Page {0} of {1}", "Page {0} sur {1}", "{1}쪽 중 {0}쪽"), "Language": ("Language", "Langue", "언어"),
 "Nav.Dashboard": ("Dashboard", "Tableau de bord", "대시보드"), "Nav.Members": ("Members", "Adhérents", "회원"),
 "Nav.Dues": ("Dues", "Cotisations", "회비"), "Nav.Logout": ("Log out", "Se déconnecter", "로그아웃"), "Nav.Api": ("API", "API", "API"),
 "Login.Title": ("Log in", "Connexion", "로그인"), "Login.Email": ("E-mail", "Courriel", "이메일"), "Login.Password": ("Password", "Mot de passe", "비밀번호"),
 "Login.Submit": ("Log in", "Se connecter", "로그인"), "Login.Failed": ("Wrong e-mail or password.", "Courriel ou mot de passe incorrect.", "이메일 또는 비밀번호가 올바르지 않습니다."),
 "Denied.Title": ("Access refused", "Accès refusé", "접근 거부"), "Denied.Text": ("Your role does not allow this page.", "Votre rôle ne permet pas d'accéder à cette page.", "귀하의 역할로는 이 페이지에 접근할 수 없습니다."),
 "Tokens.Title": ("API access tokens", "Jetons d'accès à l'API", "API 액세스 토큰"),
 "Tokens.Help": ("Programs and the command line call the API with a personal token:", "Les programmes et la ligne de commande appellent l'API avec un jeton personnel :", "프로그램과 명령줄은 개인 토큰으로 API를 호출합니다:"),
 "Tokens.ShownOnce": ("Copy your new token now; it will not be shown again:", "Copiez votre nouveau jeton maintenant ; il ne sera plus affiché :", "새 토큰을 지금 복사하십시오. 다시 표시되지 않습니다:"),
 "Tokens.Name": ("Name", "Nom", "이름"), "Tokens.ExpiresInDays": ("Expires in (days)", "Expire dans (jours)", "만료 (일)"),
 "Tokens.Create": ("Create a token", "Créer un jeton", "토큰 생성"), "Tokens.Empty": ("You have no token yet.", "Vous n'avez aucun jeton.", "토큰이 없습니다."),
 "Tokens.Prefix": ("Token", "Jeton", "토큰"), "Tokens.Created": ("Created", "Créé le", "생성일"), "Tokens.Expires": ("Expires", "Expire le", "만료일"),
 "Tokens.Revoke": ("Revoke", "Révoquer", "폐기"), "Tokens.Revoked": ("Revoked", "Révoqué", "폐기됨"),
 "Tokens.BadExpiry": ("The expiry must be between 1 and 3650 days.", "L'expiration doit être comprise entre 1 et 3650 jours.", "만료 기간은 1일에서 3650일 사이여야 합니다."),
 "Clusters.Title": ("Your clusters", "Vos pôles", "나의 클러스터"), "Clusters.Empty": ("You do not belong to any cluster yet.", "Vous n'êtes membre d'aucun pôle pour l'instant.", "아직 소속된 클러스터가 없습니다."),
 "Clusters.Name": ("Cluster", "Pôle", "클러스터"), "Clusters.Sector": ("Sector", "Filière", "산업"),
 "Dashboard.Title": ("Dashboard", "Tableau de bord", "대시보드"), "Dashboard.ActiveMembers": ("Active members", "Adhérents actifs", "활동 회원"),
 "Dashboard.Companies": ("Companies", "Entreprises", "기업"), "Dashboard.Education": ("Education and research", "Formation et recherche", "교육·연구기관"),
 "Dashboard.HomeRegions": ("In the cluster's regions", "Dans les régions du pôle", "클러스터 소재 지역"), "Dashboard.Founded": ("Founded", "Création", "설립"),
 "Dashboard.Empty": ("No members yet.", "Aucun adhérent pour l'instant.", "아직 회원이 없습니다."),
 "Dashboard.ByFamily": ("Members by family", "Adhérents par famille", "회원 구성"), "Dashboard.ByType": ("Members by type", "Adhérents par type", "유형별 회원"),
 "Dashboard.BySize": ("Members by size", "Adhérents par taille", "규모별 회원"), "Dashboard.ByRegion": ("Members by region", "Adhérents par région", "지역별 회원"),
 "Dashboard.Growth": ("Growth by year", "Évolution annuelle", "연도별 성장"), "Dashboard.Dues": ("Dues invoiced and paid", "Cotisations facturées et payées", "회비 청구 및 납부"),
 "Dashboard.Offices": ("Offices and certifications", "Implantations et labels", "사무소 및 인증"), "Dashboard.Certification": ("Certification", "Label", "인증"),
 "Members.Title": ("Members", "Adhérents", "회원"), "Members.Add": ("Add a member", "Ajouter un adhérent", "회원 추가"),
 "Members.Import": ("Import members", "Importer des adhérents", "회원 가져오기"), "Members.ExportCsv": ("Export CSV", "Exporter en CSV", "CSV 내보내기"),
 "Members.ExportJson": ("Export JSON", "Exporter en JSON", "JSON 내보내기"),
 "Members.ExportXlsx": ("Export Excel (xlsx)", "Exporter en Excel (xlsx)", "Excel(xlsx) 내보내기"), "Members.Search": ("Search", "Rechercher", "검색"),
 "Members.Empty": ("No member matches these filters.", "Aucun adhérent ne correspond à ces filtres.", "조건에 맞는 회원이 없습니다."),
 "Member.Name": ("Name", "Nom", "이름"), "Member.Type": ("Type", "Type", "유형"), "Member.Size": ("Size", "Taille", "규모"),
 "Member.Region": ("Region", "Région", "지역"), "Member.City": ("City", "Ville", "도시"), "Member.Country": ("Country", "Pays", "국가"),
 "Member.Departement": ("Département", "Département", "데파르트망"), "Member.Nuts": ("NUTS code", "Code NUTS", "NUTS 코드"),
 "Member.JoinedOn": ("Joined", "Adhésion", "가입일"), "Member.Status": ("Status", "Statut", "상태"), "Member.Founding": ("Founding member", "Membre fondateur", "창립 회원"),
 "Member.Headcount": ("Headcount", "Effectif", "종업원 수"), "Member.Turnover": ("Turnover (€)", "Chiffre d'affaires (€)", "매출액 (€)"),
 "Member.NationalId": ("SIREN / SIRET / VAT", "SIREN / SIRET / TVA", "SIREN / SIRET / VAT"), "Member.Sectors": ("NACE / NAF codes", "Codes NAF", "NACE/NAF 코드"),
 "Member.Contacts": ("Contacts", "Contacts", "연락처"), "Member.NoContacts": ("No contact recorded.", "Aucun contact enregistré.", "등록된 연락처가 없습니다."),
 "Member.History": ("History", "Historique", "이력"), "Member.Consent": ("Agrees to be contacted", "Accepte d'être contacté", "연락 동의"),
 "Member.NoConsent": ("Not to be contacted", "Ne pas contacter", "연락 비동의"),
 "Contact.Name": ("Contact name", "Nom du contact", "담당자 이름"), "Contact.Role": ("Contact role", "Fonction", "직책"),
 "Contact.Email": ("Contact e-mail", "Courriel du contact", "담당자 이메일"), "Contact.Phone": ("Contact phone", "Téléphone", "전화"),
 "Form.HasErrors": ("Please correct the fields marked below.", "Veuillez corriger les champs signalés ci-dessous.", "아래 표시된 항목을 수정하십시오."),
 "Import.Help": ("Upload a CSV or JSON file; nothing is stored unless every row is valid. Columns:", "Déposez un fichier CSV ou JSON ; rien n'est enregistré si une ligne est invalide. Colonnes :", "CSV 또는 JSON 파일을 올리십시오. 모든 행이 올바를 때만 저장됩니다. 열:"),
 "Import.File": ("File", "Fichier", "파일"), "Import.Submit": ("Import", "Importer", "가져오기"),
 "Import.Done": ("{0}: {1} rows, {2} created, {3} updated, {4} unchanged.", "{0} : {1} lignes, {2} créés, {3} mis à jour, {4} inchangés.", "{0}: {1}행, 신규 {2}, 변경 {3}, 동일 {4}."),
 "Import.Failed": ("{0}: {1} error(s); nothing was imported.", "{0} : {1} erreur(s) ; rien n'a été importé.", "{0}: 오류 {1}건, 아무것도 가져오지 않았습니다."),
 "Import.Template": ("Download the template (CSV with an example row and the valid values)", "Télécharger le modèle (CSV avec une ligne d'exemple et les valeurs admises)", "템플릿 내려받기 (예시 행과 허용 값이 있는 CSV)"),
 "Import.ValidValues": ("Valid values", "Valeurs admises", "허용 값"),
 "Import.FirstErrors": ("Showing the first {0} of {1} errors.", "Affichage des {0} premières erreurs sur {1}.", "오류 {1}건 중 처음 {0}건을 표시합니다."),
 "Import.Row": ("Row", "Ligne", "행"), "Import.Column": ("Column", "Colonne", "열"), "Import.Value": ("Value", "Valeur", "값"), "Import.Reason": ("Reason", "Motif", "사유"),
 "Dues.Title": ("Dues", "Cotisations", "회비"), "Dues.Ledger": ("Ledger by year and tier", "Grand livre par année et barème", "연도·등급별 원장"),
 "Dues.Year": ("Year", "Année", "연도"), "Dues.Invoices": ("Invoices", "Factures", "청구서"), "Dues.Invoiced": ("Invoiced", "Facturé", "청구액"),
 "Dues.Paid": ("Paid", "Payé", "납부액"), "Dues.Outstanding": ("Outstanding", "Restant dû", "미납액"), "Dues.WrittenOff": ("Written off", "Passé en perte", "대손 처리"),
 "Dues.Renew": ("Renew all active members", "Renouveler tous les adhérents actifs", "활동 회원 일괄 갱신"), "Dues.ExportCsv": ("Export the ledger (CSV)", "Exporter le grand livre (CSV)", "원장 내보내기 (CSV)"),
 "Dues.ExportXlsx": ("Export the ledger (Excel)", "Exporter le grand livre (Excel)", "원장 내보내기 (Excel)"),
 "Dues.Empty": ("No invoices yet: set the tiers, then renew.", "Aucune facture : définissez le barème puis renouvelez.", "청구서가 없습니다. 회비 등급을 정한 뒤 갱신하십시오."),
 "Dues.Renewed": ("{0}: {1} members renewed, {2} already renewed.", "{0} : {1} adhérents renouvelés, {2} déjà renouvelés.", "{0}년: {1}개 회원 갱신, {2}개 이미 갱신됨."),
 "Dues.InvoiceList": ("Invoices", "Factures", "청구서"), "Dues.NoInvoices": ("No invoice matches these filters.", "Aucune facture ne correspond à ces filtres.", "조건에 맞는 청구서가 없습니다."),
 "Dues.Number": ("Number", "Numéro", "번호"), "Dues.Issued": ("Issued", "Émise le", "발행일"), "Dues.DueOn": ("Due", "Échéance", "납기"),
 "Dues.Amount": ("Amount", "Montant", "금액"), "Dues.RecordPayment": ("Record payment", "Enregistrer le paiement", "납부 기록"),
 "Dues.WriteOff": ("Write off", "Passer en perte", "대손 처리"),
 "Dues.Tiers": ("Dues tiers", "Barème des cotisations", "회비 등급표"), "Dues.AnySize": ("Any size", "Toute taille", "규모 무관"),
 "Dues.SaveTiers": ("Save the tiers", "Enregistrer le barème", "등급표 저장"),
 "Dues.TiersSaved": ("Tiers for {0} saved ({1} amounts).", "Barème {0} enregistré ({1} montants).", "{0}년 등급표 저장 (금액 {1}개)."),
 "Dues.TierErrors": ("Nothing was saved; these amounts are not valid:", "Rien n'a été enregistré ; montants invalides :", "저장되지 않았습니다. 잘못된 금액:"),
 "Dues.MissingTiers": ("No tier for:", "Aucun barème pour :", "등급 없음:"),
 # Validation reasons (the English text is the key, so API and CLI speak English and pages translate).
 "is required": ("is required", "est obligatoire", "필수 항목입니다"),
 "is not a date yyyy-mm-dd": ("is not a date yyyy-mm-dd", "n'est pas une date aaaa-mm-jj", "yyyy-mm-dd 형식의 날짜가 아닙니다"),
 "is in the future": ("is in the future", "est dans le futur", "미래 날짜입니다"),
 "is not a whole number ≥ 0": ("is not a whole number ≥ 0", "n'est pas un entier positif", "0 이상의 정수가 아닙니다"),
 "is not a whole number of euros ≥ 0": ("is not a whole number of euros ≥ 0", "n'est pas un montant entier positif en euros", "0 이상의 유로 정수가 아닙니다"),
 "is not a French département code": ("is not a French département code", "n'est pas un code de département", "프랑스 데파르트망 코드가 아닙니다"),
 "is not an e-mail address": ("is not an e-mail address", "n'est pas une adresse électronique", "이메일 주소가 아닙니다"),
 "is not a valid SIREN (9 digits), SIRET (14 digits) or VAT number": ("is not a valid SIREN (9 digits), SIRET (14 digits) or VAT number", "n'est pas un SIREN (9 chiffres), SIRET (14 chiffres) ou numéro de TVA valide", "유효한 SIREN(9자리), SIRET(14자리) 또는 VAT 번호가 아닙니다"),
 "is required for a contact": ("is required for a contact", "est obligatoire pour un contact", "연락처에 필수입니다"),
}
enums = {
 "MemberType": {"LargeCompany": ("Large company", "Grande entreprise", "대기업"), "MidSizeCompany": ("Mid-size company", "ETI", "중견기업"),
   "Sme": ("SME", "PME", "중소기업"), "MicroStartup": ("Micro / start-up", "TPE / start-up", "소기업·스타트업"), "University": ("University", "Université", "대학"),
   "EngineeringSchool": ("Engineering school", "École d'ingénieurs", "공과대학(그랑제콜)"), "TechnicalInstitute": ("Technical institute (IUT)", "IUT", "단기공과대학(IUT)"),
   "ResearchOrganisation": ("Research organisation", "Organisme de recherche", "연구기관"), "TrainingBody": ("Training body", "Organisme de formation", "교육훈련기관"),
   "PublicBody": ("Public body", "Organisme public", "공공기관"), "IndustryAssociation": ("Industry association", "Association professionnelle", "산업협회"),
   "FunderInvestor": ("Funder / investor", "Financeur / investisseur", "투자·금융기관")},
 "SizeClass": {"Unknown": ("Unknown", "Inconnue", "미상"), "Micro": ("Micro", "Micro", "소상공"), "Small": ("Small", "Petite", "소규모"),
   "Medium": ("Medium", "Moyenne", "중규모"), "Large": ("Large", "Grande", "대규모")},
 "MemberStatus": {"Active": ("Active", "Actif", "활동"), "Lapsed": ("Lapsed", "Non renouvelé", "갱신 안 함"), "Left": ("Left", "Parti", "탈퇴")},
 "MemberFamily": {"Company": ("Companies", "Entreprises", "기업"), "EducationResearch": ("Education and research", "Formation et recherche", "교육·연구기관"), "Other": ("Other", "Autres", "기타")},
 "InvoiceStatus": {"Issued": ("Issued", "Émise", "발행"), "Paid": ("Paid", "Payée", "납부 완료"), "Overdue": ("Overdue", "En retard", "연체"),
   "WrittenOff": ("Written off", "Passée en perte", "대손 처리")},
 "ClusterRole": {"Manager": ("Manager", "Responsable", "관리자"), "Staff": ("Staff", "Équipe", "직원"), "MemberRepresentative": ("Member representative", "Représentant d'adhérent", "회원 대표"),
   "Reviewer": ("Reviewer", "Évaluateur", "심사위원"), "Observer": ("Observer", "Observateur", "참관인")},
 "OfficeKind": {"HeadOffice": ("Head office", "Siège", "본부"), "Branch": ("Branch", "Antenne", "지사"), "LiaisonOffice": ("Liaison office", "Bureau de liaison", "연락사무소"),
   "PartnerAssociation": ("Partner association", "Association partenaire", "협력 연합체")},
}
for enum, values in enums.items():
    for k, v in values.items():
        S[f"{enum}.{k}"] = v

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "ClusterHub", "Web")
head = '<?xml version="1.0" encoding="utf-8"?>\n<root>\n  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n  <resheader name="version"><value>2.0</value></resheader>\n  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>\n  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>\n'
for i, suffix in enumerate(["", ".fr", ".ko"]):
    with open(os.path.join(here, f"Strings{suffix}.resx"), "w", encoding="utf-8") as f:
        f.write(head)
        for k in sorted(S):
            f.write(f'  <data name="{escape(k, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(S[k][i])}</value></data>\n')
        f.write("</root>\n")
print(f"{len(S)} strings x 3 languages")
