import SafeguardCommands

@main
enum SafeguardMain {
    static func main() {
        Safeguard.main()
    }
}
