extension Policy {
  /// The text of the built-in policy `kukar-p3dn`, printed by `p3dn policy show`.
  public static let defaultText = """
    # p3dn policy file. Copy it (p3dn policy show > my-policy.toml), change what your
    # district adopts, and pass it with --policy my-policy.toml.
    #
    # Rules: metric is pdn, umkk or local; stages are plan and/or realization; min is a
    # percentage from 0 to 100 (leave it out for an information-only rule); severity is
    # mandatory (a failure makes --fail-on breach exit 1), target (a failure is a
    # warning) or info; from_year / to_year bound the fiscal years a rule applies to.

    id = "kukar-p3dn"
    name = "Kabupaten Kutai Kartanegara: P3DN (Inpres 2/2022, Perbup 74/2021)"

    # PDN when a line's TKDN + BMP reaches this percentage (Perpres 16/2018 jo.
    # 12/2021 Pasal 66).
    pdn_tkdn_bmp_min = 40

    # Swakelola plan lines are out of scope of the UMK-K and PDN shares.
    exclude_swakelola = true

    [scope]
    # Where a line carries a kode rekening, it counts only under these accounts:
    # 5.1.02 belanja barang dan jasa, 5.2 belanja modal.
    accounts = ["5.1.02", "5.2"]

    [region]
    # Vendors whose kab/kota is this region supply local products (produk daerah).
    name = "Kabupaten Kutai Kartanegara"
    names = ["Kutai Kartanegara", "Kukar"]

    [[rules]]
    id = "inpres-2-2022/umkk-40"
    metric = "umkk"
    stages = ["plan", "realization"]
    min = 40
    severity = "mandatory"
    from_year = 2022
    basis = "Inpres 2/2022; Perpres 16/2018 jo. 12/2021 Pasal 65(3); UU Cipta Kerja Pasal 97"

    [[rules]]
    id = "lkpp-se-8-2023/pdn-95"
    metric = "pdn"
    stages = ["plan", "realization"]
    min = 95
    severity = "target"
    from_year = 2023
    basis = "SE Kepala LKPP 8/2023"

    [[rules]]
    id = "inpres-2-2022/pdn"
    metric = "pdn"
    stages = ["plan", "realization"]
    severity = "info"
    from_year = 2022
    to_year = 2022
    basis = "Inpres 2/2022 (PDN use, no percentage)"

    [[rules]]
    id = "perbup-kukar-74-2021/produk-daerah"
    metric = "local"
    stages = ["plan", "realization"]
    severity = "info"
    from_year = 2022
    basis = "Perbup Kutai Kartanegara 74/2021"

    """
}
